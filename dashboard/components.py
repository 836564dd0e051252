"""Widgets and page furniture: global selections, URL state, presentation mode, tables
that stay readable on a projector, provenance panels, correction forms, downloads.

Everything Streamlit-specific that more than one page needs lives here; pages stay a
few lines of "read filters, query, draw".
"""

from __future__ import annotations

import html
import io
from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from dashboard import auth, charts, data, queries
from pipeline import corrections

GLOBAL_KEYS = ("county", "year", "indicator")
DATA_PAGE = "app_pages/data.py"


# --- URL ⇄ session state -----------------------------------------------------------------


def init_from_url() -> None:
    """Once per session, restore page selections and mode from the URL."""
    if st.session_state.get("_cp_url_read"):
        return
    params = st.query_params
    for key in GLOBAL_KEYS:
        if key in params:
            value = params[key]
            if key == "year":
                try:
                    value = int(value)
                except ValueError:
                    continue
            st.session_state[key] = value
    st.session_state["present"] = params.get("mode") == "present"
    st.session_state["theme"] = "dark" if params.get("theme") == "dark" else "light"
    st.session_state["_cp_url_read"] = True


def write_url(page: str) -> None:
    """Mirror the current view into the URL so it can be shared or bookmarked."""
    wanted = {"page": page}
    for key in GLOBAL_KEYS:
        value = st.session_state.get(key)
        if value is not None:
            wanted[key] = str(value)
    if st.session_state.get("present"):
        wanted["mode"] = "present"
    if st.session_state.get("theme") == "dark":
        wanted["theme"] = "dark"
    current = {k: st.query_params[k] for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def selection() -> dict:
    return {
        "county": st.session_state.get("county"),
        "year": st.session_state.get("year"),
        "indicator": st.session_state.get("indicator"),
        "present": bool(st.session_state.get("present")),
        "theme": st.session_state.get("theme", "light"),
    }


def _select(key: str, label: str, options: list, default=None, **kwargs) -> None:
    if not options:
        st.session_state[key] = None
        st.selectbox(label, ["（暂无）"], disabled=True, key=f"_{key}_empty")
        return
    if st.session_state.get(key) not in options:
        st.session_state[key] = default if default in options else options[0]
    st.selectbox(label, options, key=key, **kwargs)


def global_filters(counties: list[str], default_county: str | None, years: list[int], indicators: list[str], default_year: int | None) -> None:
    """The sidebar selections every page shares (kept in the URL)."""
    with st.sidebar:
        st.markdown("### 全局筛选")
        _select("county", "县", counties, default=default_county)
        _select("year", "年份", years, default=default_year, format_func=lambda y: f"{y}年")
        _select("indicator", "指标", indicators)
        st.divider()
        st.toggle("演示模式（投影）", key="present", help="隐藏侧栏和菜单，一屏一图，大字号；网址加 ?mode=present 也可进入")
        st.radio("配色", ["light", "dark"], key="theme", horizontal=True, format_func=lambda t: {"light": "浅色", "dark": "深色"}[t])


# --- Presentation mode and themes --------------------------------------------------------

_PRESENT_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="collapsedControl"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebarNav"], footer { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { padding: 1.2rem 3rem 1rem 3rem !important; max-width: 100% !important; }
.stApp { font-size: 26px; }
.stApp [data-testid="stMarkdownContainer"] p, .stApp [data-testid="stMarkdownContainer"] li { font-size: 28px; line-height: 1.45; }
.stApp h1 { font-size: 52px !important; padding: 0 0 .3rem 0; }
.stApp h2 { font-size: 42px !important; }
.stApp h3 { font-size: 34px !important; }
.stApp button p { font-size: 26px !important; }
[data-testid="stMetricValue"] { font-size: 64px !important; }
[data-testid="stMetricLabel"] p { font-size: 28px !important; }
.stApp [data-testid="stCaptionContainer"] { font-size: 22px !important; }
.cp-table { font-size: 26px; }
.cp-slide-label { font-size: 30px !important; }
"""

_DARK_CSS = """
.stApp, [data-testid="stAppViewContainer"], [data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stBottom"] > div { background-color: #000 !important; color: #fff !important; }
.stApp h1, .stApp h2, .stApp h3, .stApp h4, .stApp p, .stApp li, .stApp label, .stApp span, .stApp summary,
[data-testid="stMetricValue"], [data-testid="stMetricLabel"], [data-testid="stCaptionContainer"] { color: #fff !important; }
.stApp [data-baseweb="select"] > div, .stApp input[type="text"], .stApp input[type="number"], .stApp input[type="password"], .stApp textarea { background-color: #111 !important; color: #fff !important; border-color: #888 !important; }
.stApp [data-baseweb="select"] svg { fill: #fff !important; }
.stApp button { background-color: #111 !important; color: #fff !important; border: 1px solid #bbb !important; }
.stApp [data-testid="stExpander"] details { border-color: #888 !important; }
.stApp [data-testid="stAlertContainer"] { background-color: #1b2a3a !important; }
.stApp [data-testid="stFileUploaderDropzone"] { background-color: #111 !important; }
.stApp a { color: #8fd3ff !important; }
.stApp [data-baseweb="checkbox"] > div:first-child { background-color: #777 !important; }
"""

_BASE_CSS = """
.cp-table-wrap { overflow-x: auto; max-height: 70vh; overflow-y: auto; }
.cp-table { border-collapse: collapse; width: 100%; font-size: 16px; }
.cp-table th, .cp-table td { border: 1px solid #999; padding: .35em .6em; text-align: left; vertical-align: top; white-space: nowrap; }
.cp-table td.cp-long { white-space: normal; min-width: 22em; }
.cp-table th { background: #1f3b57; color: #fff; position: sticky; top: 0; }
.cp-table tr:nth-child(even) td { background: rgba(127,127,127,.12); }
.cp-kwic { border-left: 5px solid #0072B2; padding: .4em .8em; margin: .5em 0; }
.cp-kwic mark { background: #F0E442; color: #000; padding: 0 .15em; font-weight: 700; }
.cp-kwic .cp-src { color: #666; font-size: .85em; }
.cp-badge { display: inline-block; padding: 0 .4em; border-radius: .3em; background: #E69F00; color: #000; font-size: .85em; }
.cp-card-note { font-size: .85em; opacity: .85; }
.cp-slide-label { text-align: center; font-size: 20px; }
"""


def apply_theme() -> None:
    sel = selection()
    css = _BASE_CSS + (_PRESENT_CSS if sel["present"] else "") + (_DARK_CSS if sel["theme"] == "dark" else "")
    if sel["theme"] == "dark":
        css += ".cp-table th { background: #333; color: #fff; border-color: #ccc; } .cp-table td { color: #fff; border-color: #ccc; } .cp-kwic .cp-src { color: #bbb; }"
    st.html(f"<style>{css}</style>")


def _exit_presentation() -> None:
    st.session_state["present"] = False


def _flip_theme() -> None:
    st.session_state["theme"] = "light" if st.session_state.get("theme") == "dark" else "dark"


def page_header(title: str, caption: str | None = None) -> None:
    """Title, and in presentation mode the only controls left on screen."""
    sel = selection()
    if sel["present"]:
        left, right1, right2 = st.columns([8, 1.1, 1.1], vertical_alignment="center")
        left.title(title)
        right1.button("☾ 深色" if sel["theme"] == "light" else "☀ 浅色", on_click=_flip_theme, key="_cp_theme_btn", width="stretch")
        right2.button("✕ 退出演示", on_click=_exit_presentation, key="_cp_exit_btn", width="stretch")
    else:
        st.title(title)
        if caption:
            st.caption(caption)


def slide_nav(options: list, state_key: str, format_func=str) -> int:
    """Previous / next through the current selection (presentation mode). Returns the index."""
    if not options:
        return 0
    current = st.session_state.get(state_key)
    index = options.index(current) if current in options else 0

    def step(delta: int) -> None:
        st.session_state[state_key] = options[(index + delta) % len(options)]

    prev_col, label_col, next_col = st.columns([1.2, 6, 1.2], vertical_alignment="center")
    prev_col.button("◀ 上一个", on_click=step, args=(-1,), key=f"_prev_{state_key}", width="stretch", disabled=len(options) < 2)
    label_col.markdown(f"<div class='cp-slide-label'><b>{html.escape(str(format_func(options[index])))}</b>　（{index + 1} / {len(options)}）</div>", unsafe_allow_html=True)
    next_col.button("下一个 ▶", on_click=step, args=(1,), key=f"_next_{state_key}", width="stretch", disabled=len(options) < 2)
    if st.session_state.get(state_key) != options[index]:
        st.session_state[state_key] = options[index]
    return index


# --- Output --------------------------------------------------------------------------------


def plot(fig, key: str, select: bool = False):
    """A plotly chart with the project's config (PNG export 1920×1080, no logo, no MathJax)."""
    return st.plotly_chart(
        fig, theme=None, key=key, config=charts.PLOTLY_CONFIG,
        on_select="rerun" if select else "ignore", selection_mode="points",
    )


def html_table(frame: pd.DataFrame, max_rows: int | None = None, titles: pd.DataFrame | None = None) -> None:
    """A plain HTML table: follows the page's CSS, so it stays readable in dark and projector themes.

    ``titles`` (same shape) gives each cell a tooltip, e.g. the sentence and file a value came from.
    """
    shown = frame.head(max_rows) if max_rows else frame
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for i, record in enumerate(shown.itertuples(index=False)):
        cells = []
        for j, value in enumerate(record):
            text = queries.MISSING if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
            css = " class='cp-long'" if len(text) > 24 else ""
            tip = titles.iat[i, j] if titles is not None and i < len(titles) and j < titles.shape[1] else None
            if tip is not None and not (not isinstance(tip, str) and pd.isna(tip)) and tip:
                css += f" title='{html.escape(str(tip), quote=True)}'"
            cells.append(f"<td{css}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    st.html(f"<div class='cp-table-wrap'><table class='cp-table'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    if max_rows and len(frame) > max_rows:
        st.caption(f"仅显示前 {max_rows} 行，共 {len(frame)} 行。")


def table(frame: pd.DataFrame, key: str | None = None, max_rows: int | None = None, **kwargs) -> None:
    """Interactive table on a page; plain high-contrast HTML on the projector or in dark mode."""
    sel = selection()
    if sel["present"] or sel["theme"] == "dark":
        html_table(frame, max_rows=max_rows or (12 if sel["present"] else None))
    else:
        st.dataframe(frame, hide_index=True, key=key, placeholder=queries.MISSING, **kwargs)


def empty_state(message: str) -> None:
    st.info(message, icon="ℹ️")


def no_data() -> None:
    empty_state("还没有数据：尚未构建任何表格。请到“数据”页上传政府工作报告并点击“重新构建”，或在命令行运行构建后刷新本页。")
    try:
        st.page_link(DATA_PAGE, label="前往“数据”页", icon="📂")
    except Exception:  # noqa: BLE001 - the link is a convenience; AppTest runs pages alone
        pass


def require_build() -> dict:
    """The current build's manifest; without a build, say so and stop the page."""
    manifest = data.load_manifest()
    if manifest is None:
        no_data()
        st.stop()
    return manifest


def build_caption(manifest: dict | None) -> str:
    if not manifest:
        return "尚未构建"
    built = manifest.get("built_at", "")
    try:
        when = datetime.fromisoformat(str(built).replace("Z", "+00:00")).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        when = str(built)
    seconds = manifest.get("seconds")
    took = f"，用时 {float(seconds):.1f} 秒" if isinstance(seconds, (int, float)) else ""
    return f"数据构建于 {when}{took}（构建编号 {str(manifest.get('build_id', ''))[:12]}）"


def provenance(title: str, value: str, sentence, source_file, corrected=None) -> None:
    """Where a number came from: its sentence and file."""
    badge = f" <span class='cp-badge'>{html.escape(queries.label(queries.CORRECTED_LABELS, corrected))}</span>" if corrected is not None and not pd.isna(corrected) else ""
    sentence = "（无原句）" if sentence is None or pd.isna(sentence) else str(sentence)
    source = "（未知文件）" if source_file is None or pd.isna(source_file) else str(source_file)
    st.markdown(
        f"<div class='cp-kwic'><b>{html.escape(title)}：{html.escape(value)}</b>{badge}<br>{html.escape(sentence)}"
        f"<br><span class='cp-src'>来源文件：{html.escape(source)}</span></div>",
        unsafe_allow_html=True,
    )


def correction_form(fact: pd.Series, key: str) -> None:
    """Correct or hide one fact; the record goes to the reviewed corrections file."""
    with st.expander("发现数值有误？更正或隐藏这个数值"):
        with st.form(f"correct_{key}", clear_on_submit=True):
            action = st.radio("操作", ["correct", "hide"], horizontal=True, format_func=lambda a: {"correct": "更正数值", "hide": "隐藏（误提取）"}[a])
            c1, c2, c3 = st.columns(3)
            value = c1.text_input("正确数值", placeholder="例如 6.5")
            unit = c2.text_input("单位", value="" if pd.isna(fact["unit"]) else str(fact["unit"]))
            qualifier = c3.selectbox("限定", ["", *queries.QUALIFIER_LABELS], format_func=lambda q: queries.QUALIFIER_LABELS.get(q, "不改"))
            note = st.text_input("说明（依据）", placeholder="例如：据统计公报更正")
            author = st.text_input("更正人")
            if st.form_submit_button("保存更正"):
                record = {
                    "action": action, "fact_id": fact["fact_id"], "doc_id": fact["doc_id"], "indicator": fact["indicator"],
                    "measure": fact["measure"], "kind": fact["kind"], "period": fact["period"], "scope": fact["scope"],
                    "value": value if action == "correct" else "", "unit": unit if action == "correct" else "",
                    "qualifier": qualifier if action == "correct" else "", "note": note, "author": author,
                    "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                }
                save_correction(record)


def save_correction(record: dict) -> bool:
    if not auth.is_unlocked():
        st.error(auth.NEEDS_LOGIN)
        return False
    try:
        n = corrections.append_correction(data.corrections_path(), record)
    except corrections.CorrectionError as exc:
        st.error(f"更正没有保存：{exc}")
        return False
    st.success(f"已记录第 {n} 条更正（写入 data/reference/corrections.csv），已在页面生效；重新构建后也会保留。")
    return True


def download_buttons(name: str, frame: pd.DataFrame, key: str) -> None:
    label = queries.TABLE_LABELS.get(name, name)
    csv_bytes = frame.to_csv(index=False).encode("utf-8-sig")  # BOM: Excel opens Chinese CSV correctly
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.astype(object).where(frame.notna(), None).to_excel(writer, index=False, sheet_name=label[:31])
    c1, c2 = st.columns(2)
    c1.download_button(f"下载 {label}（CSV）", csv_bytes, file_name=f"{label}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore")
    c2.download_button(f"下载 {label}（Excel）", buffer.getvalue(), file_name=f"{label}.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx", on_click="ignore")


def cloud(freq: pd.DataFrame, *, present: bool, theme: str, build_id: str) -> None:
    pairs = tuple((str(t), float(c)) for t, c in zip(freq["term"], freq["count"]))
    if not pairs:
        empty_state("这里没有可以画成词云的词语。")
        return
    try:
        png = data.render_cloud(pairs, "projector" if present else "page", theme, build_id)
    except Exception as exc:  # noqa: BLE001 - a broken cloud must not take the page down
        empty_state(f"词云没有画出来（{type(exc).__name__}），请看旁边的高频词条形图。")
        return
    if png is None:
        empty_state("词云模块尚未就绪（构建流程中的词云步骤还没有合入），请先看旁边的高频词条形图。")
        return
    if present:
        # A 16:9 projector cloud that fits under the title and the slide buttons.
        _, middle, _ = st.columns([1, 10, 1])
        middle.image(png, width=1380)
    else:
        st.image(png, width="stretch")


def kwic_list(rows: pd.DataFrame, max_rows: int = 30) -> None:
    for row in rows.head(max_rows).itertuples():
        year = "" if pd.isna(row.年份) else f"{int(row.年份)}年"
        st.markdown(
            f"<div class='cp-kwic'>{row.html}<br><span class='cp-src'>{html.escape(row.县)} {year} · 来源文件：{html.escape(str(row.来源文件))}</span></div>",
            unsafe_allow_html=True,
        )
    if len(rows) > max_rows:
        st.caption(f"仅显示前 {max_rows} 句，共 {len(rows)} 句。")
