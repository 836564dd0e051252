"""Widgets and page furniture: global selections, URL state, presentation mode, tables
that stay readable on a projector, provenance panels, correction forms, downloads.

Everything Streamlit-specific that more than one page needs lives here (its CSS in
``styles.py``); pages stay a few lines of "read filters, query, draw".
"""

from __future__ import annotations

import html
import io
from datetime import datetime, timezone
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import auth, charts, data, queries
from dashboard.safe_text import md, neutralise_formulas
from dashboard.styles import BASE_CSS, DARK_CSS, DARK_TILES_CSS, KEYS_JS, LARGE_CSS, PRESENT_CSS, PRINT_CSS
from pipeline import corrections

GLOBAL_KEYS = ("county", "year", "indicator")
# Page controls kept in the URL too, so a link restores the view: URL name → widget key (type).
PAGE_CONTROLS = {
    "compare": {"measure": ("cmp_measure", str), "kind": ("cmp_kind", str), "peers": ("cmp_peers_level", str), "sort": ("cmp_sort", str)},
    "targets": {"hits": ("tg_hit_scope", str)},
    "vocabulary": {"source": ("voc_source", str), "scope": ("voc_scope", str), "top": ("voc_top", int), "term": ("voc_term", str),
                   "cmp": ("voc_cmp_mode", str)},
}
DATA_PAGE = "app_pages/data.py"


# --- URL ⇄ session state -----------------------------------------------------------------


def init_from_url() -> None:
    """Once per session, restore page selections and mode from the URL."""
    if st.session_state.get("_cp_url_read"):
        return
    params = st.query_params
    requested = {}
    for key in GLOBAL_KEYS:
        if key in params:
            value = params[key]
            requested[key] = value
            if key == "year":
                try:
                    value = int(value)
                except ValueError:
                    continue
            st.session_state[key] = value
    for controls in PAGE_CONTROLS.values():
        for name, (key, kind) in controls.items():
            if name in params:
                try:
                    st.session_state[key] = kind(params[name])
                except ValueError:
                    pass
    if "indicator" in params and "measure" in params:
        # A link to one indicator's timeline (the cockpit's scorecard makes these).
        st.session_state["tg_pair"] = f"{params['indicator']}|{params['measure']}"
        st.session_state["_tg_followed"] = params["indicator"]
    st.session_state["_cp_requested"] = requested
    st.session_state["present"] = params.get("mode") == "present"
    st.session_state["theme"] = "dark" if params.get("theme") == "dark" else "light"
    st.session_state["large"] = params.get("text") == "large"
    st.session_state["_cp_print"] = params.get("print") == "all" and params.get("mode") == "present"
    if params.get("slide", "").isdigit():
        st.session_state["_cp_slide_wanted"] = int(params["slide"])
    if params.get("auto", "").isdigit():
        st.session_state["auto"] = int(params["auto"])
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
        if st.session_state.get("_cp_slide_n"):
            wanted["slide"] = str(st.session_state["_cp_slide_n"])
        if st.session_state.get("auto"):
            wanted["auto"] = str(st.session_state["auto"])
        if st.session_state.get("_cp_print"):
            wanted["print"] = "all"
    if st.session_state.get("theme") == "dark":
        wanted["theme"] = "dark"
    if st.session_state.get("large"):
        wanted["text"] = "large"
    for name, (key, _) in PAGE_CONTROLS.get(page, {}).items():
        if st.session_state.get(key) is not None:
            wanted[name] = str(st.session_state[key])
    if page == "targets" and isinstance(st.session_state.get("tg_pair"), str) and "|" in st.session_state["tg_pair"]:
        wanted["measure"] = st.session_state["tg_pair"].split("|", 1)[1]
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
        "large": bool(st.session_state.get("large")),
    }


def _select(key: str, label: str, options: list, default=None, **kwargs) -> None:
    if not options:
        st.session_state[key] = None
        st.selectbox(label, ["（暂无）"], disabled=True, key=f"_{key}_empty", placeholder="请选择")
        return
    if st.session_state.get(key) not in options:
        st.session_state[key] = default if default in options else options[0]
    st.selectbox(label, options, key=key, **kwargs, placeholder="请选择")


def global_filters(counties: list[str], default_county: str | None, years: list[int], indicators: list[str], default_year: int | None) -> None:
    """The sidebar selections every page shares (kept in the URL)."""
    st.session_state["_cp_counties"] = counties
    with st.sidebar:
        st.markdown("### 全局筛选")
        _select("county", "县", counties, default=default_county)
        _select("year", "年份", years, default=default_year, format_func=lambda y: f"{y}年")
        _select("indicator", "指标", indicators)
        st.divider()
        st.toggle("演示模式（投影）", key="present", help="隐藏侧栏和菜单，一屏一图，大字号；网址加 ?mode=present 也可进入")
        st.toggle("大字号", key="large", help="页面和图表文字放大约两成，适合在会议室里看；网址加 ?text=large 也可")
        st.radio("配色", ["light", "dark"], key="theme", horizontal=True, format_func=lambda t: {"light": "浅色", "dark": "深色"}[t])
    unknown_link_notice({"county": counties, "year": years, "indicator": indicators})


def unknown_link_notice(options: dict[str, list]) -> None:
    """A link that names a county, year or indicator the data does not have says so (once)."""
    requested = st.session_state.pop("_cp_requested", None) or {}
    words = {"county": "县", "year": "年份", "indicator": "指标"}
    for key, value in requested.items():
        known = {str(o) for o in options.get(key, [])}
        if str(value) not in known:
            shown = st.session_state.get(key)
            st.session_state.setdefault("_cp_notices", []).append(
                f"链接里的{words[key]}“{value}”在当前数据中没有，已改为显示“{shown if shown is not None else '（无）'}”。"
            )


def show_notices() -> None:
    for notice in st.session_state.pop("_cp_notices", []):
        st.warning(md(notice), icon="⚠️")


def share_panel(page_path: str) -> None:
    """复制链接 and a QR code of the current view (made locally with segno; nothing fetched)."""
    from dashboard import share

    url = share.view_url(str(st.context.url or ""), page_path, {k: st.query_params[k] for k in st.query_params})
    with st.sidebar.expander("分享此视图（链接与二维码）"):
        st.iframe(share.copy_widget(url), height=70, alt="复制本视图的链接")
        st.html(f"<img class='cp-qr' alt='本视图的二维码' src='{share.qr_data_uri(url)}'>")
        st.caption("用手机扫码即可打开同一视图（需能访问本机地址）。")


def page_links(pages: list) -> None:
    """The page menu (drawn by hand so that old addresses stay routable without being listed)."""
    if st.session_state.get("present"):
        return
    with st.sidebar:
        for page, title in pages:
            st.page_link(page, label=title, icon=page.icon)
        st.divider()


# --- Presentation mode and themes --------------------------------------------------------


def apply_theme() -> None:
    sel = selection()
    css = BASE_CSS + (LARGE_CSS if sel["large"] and not sel["present"] else "") + (PRESENT_CSS if sel["present"] else "")
    css += (DARK_CSS + DARK_TILES_CSS) if sel["theme"] == "dark" else ""
    if sel["theme"] == "dark":
        css += ".cp-table th { background: #333; color: #fff; border-color: #ccc; } .cp-table td { color: #fff; border-color: #ccc; } .cp-kwic .cp-src { color: #bbb; }"
    st.html(f"<style>{css}</style>")


def _exit_presentation() -> None:
    st.session_state["present"] = False


def _flip_theme() -> None:
    st.session_state["theme"] = "light" if st.session_state.get("theme") == "dark" else "dark"


AUTO_CHOICES = {0: "轮播：关", 10: "每 10 秒", 20: "每 20 秒", 30: "每 30 秒", 60: "每 60 秒"}


def _present_county_changed() -> None:
    st.session_state["county"] = st.session_state["_cp_present_county"]


def page_header(title: str, caption: str | None = None) -> None:
    """Title, and in presentation mode the only controls left on screen: the county (changed
    without leaving the slides), 轮播, colours, exit."""
    sel = selection()
    if sel["present"]:
        left, county_col, auto_col, right1, right2 = st.columns([5.2, 1.8, 1.5, 1.1, 1.1], vertical_alignment="center")
        left.title(md(title))
        counties = st.session_state.get("_cp_counties") or []
        if sel["county"] in counties:
            st.session_state["_cp_present_county"] = sel["county"]
            county_col.selectbox("县", counties, key="_cp_present_county", on_change=_present_county_changed, label_visibility="collapsed", placeholder="请选择")
        if st.session_state.get("auto") not in AUTO_CHOICES:
            st.session_state["auto"] = 0
        auto_col.selectbox("轮播", list(AUTO_CHOICES), key="auto", format_func=AUTO_CHOICES.get, label_visibility="collapsed", placeholder="请选择")
        right1.button("☾ 深色" if sel["theme"] == "light" else "☀ 浅色", on_click=_flip_theme, key="_cp_theme_btn", width="stretch")
        right2.button("✕ 退出演示", on_click=_exit_presentation, key="_cp_exit_btn", width="stretch")
    else:
        st.title(md(title))
        if caption:
            st.caption(caption)
    show_notices()


def slide_nav(options: list, state_key: str, format_func=str) -> int:
    """Previous / next through the current selection (presentation mode). Returns the index.

    The slide number lives in the URL (``slide=3``); →/←/PageDown/PageUp/Space and a clicker
    press the buttons (``keyboard_nav``), and 轮播 presses 下一个 every few seconds.
    """
    if not options:
        return 0
    wanted = st.session_state.pop("_cp_slide_wanted", None)
    if isinstance(wanted, int) and 1 <= wanted <= len(options):
        st.session_state[state_key] = options[wanted - 1]
    current = st.session_state.get(state_key)
    index = options.index(current) if current in options else 0

    def step(delta: int) -> None:
        st.session_state[state_key] = options[(index + delta) % len(options)]
        st.session_state["_cp_slide_n"] = (index + delta) % len(options) + 1

    prev_col, label_col, next_col = st.columns([1.2, 6, 1.2], vertical_alignment="center")
    prev_col.button("◀ 上一个", on_click=step, args=(-1,), key=f"cp_prev_{state_key}", width="stretch", disabled=len(options) < 2)
    with label_col:
        st.html(f"<div class='cp-slide-label'><b>{html.escape(str(format_func(options[index])))}</b>　（{index + 1} / {len(options)}）</div>")
    next_col.button("下一个 ▶", on_click=step, args=(1,), key=f"cp_next_{state_key}", width="stretch", disabled=len(options) < 2)
    if st.session_state.get(state_key) != options[index]:
        st.session_state[state_key] = options[index]
    if st.session_state.get("_cp_slide_n") != index + 1:
        st.session_state["_cp_slide_n"] = index + 1
        st.query_params["slide"] = str(index + 1)
    keyboard_nav(f"cp_prev_{state_key}", f"cp_next_{state_key}", int(st.session_state.get("auto") or 0))
    return index


def print_link() -> None:
    """A link to the whole deck laid out for printing (存为 PDF)."""
    params = {k: st.query_params[k] for k in st.query_params if k not in ("slide", "auto")}
    params.update({"mode": "present", "print": "all"})
    st.html(f"<p class='cp-print-controls'><a href='?{html.escape(urlencode(params), quote=True)}' target='_self'>导出全部幻灯片（PDF）</a></p>")


def print_button() -> None:
    st.html(f"<style>{PRINT_CSS}</style>")
    st.html("<p class='cp-print-controls'>全部幻灯片，每页一张。用浏览器的“打印”（Ctrl+P）选择“另存为 PDF”。</p>")


def keyboard_nav(prev_key: str, next_key: str, auto_seconds: int = 0) -> None:
    """Keys and clickers (which send PageDown/PageUp) turn the slides; a tiny inline script,
    nothing fetched, run in the page itself (``st.html``; ``components.v1.html`` is deprecated).
    It presses the page's own 上一个 / 下一个 buttons."""
    import json

    script = KEYS_JS.replace("PREV", json.dumps(prev_key)).replace("NEXT", json.dumps(next_key)).replace("AUTO", str(int(auto_seconds)))
    st.html(script, unsafe_allow_javascript=True)


# --- Output --------------------------------------------------------------------------------


def plot(fig, key: str, select: bool = False, *, message: str | None = None, name: str | None = None, frame: pd.DataFrame | None = None):
    """A plotly chart with the project's config (zh-CN toolbar, PNG export 1920×1080, no logo, no MathJax).

    ``message`` is the chart's sentence (its subtitle); the PNG export carries it with the
    source and the build date, under the file name ``name``; ``frame`` is offered as CSV.
    """
    sel = selection()
    if message is not None:
        charts.with_message(fig, message, source_stamp(), theme=sel["theme"])
    if sel["large"] and not sel["present"]:
        charts.resize_text(fig, charts.LARGE_SIZE)
    config = charts.plotly_config(name)
    event = st.plotly_chart(
        fig, theme=None, key=key, config=config,
        on_select="rerun" if select else "ignore", selection_mode="points",
    )
    if frame is not None and not sel["present"] and not frame.empty:
        csv_download(frame, name or "图表数据", key=f"{key}_csv")
    return event


def source_stamp() -> str:
    manifest = data.load_manifest() or {}
    return f"来源：县情看板（各县政府工作报告等）· 数据构建于 {queries.beijing_time(manifest.get('built_at'))}"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV that Excel opens in Chinese (BOM) and never evaluates (formulas defused), 是/否 for flags."""
    return neutralise_formulas(queries.export_ready(frame)).to_csv(index=False).encode("utf-8-sig")


def csv_download(frame: pd.DataFrame, name: str, key: str) -> None:
    st.download_button("下载本图数据（CSV）", csv_bytes(frame), file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore")


def html_table(frame: pd.DataFrame, max_rows: int | None = None, titles: pd.DataFrame | None = None, highlight: str | None = None) -> None:
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
        focal = highlight is not None and len(record) and record[0] == highlight
        rows.append(("<tr class='cp-focal-row'>" if focal else "<tr>") + "".join(cells) + "</tr>")
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
    # Messages name counties, terms and files from documents: never read them as Markdown.
    st.info(md(message), icon="ℹ️")


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
    when = queries.beijing_time(manifest.get("built_at", ""))
    seconds = manifest.get("seconds")
    took = f"，用时 {float(seconds):.1f} 秒" if isinstance(seconds, (int, float)) else ""
    return f"数据构建于 {when}{took}（构建编号 {str(manifest.get('build_id', ''))[:12]}）"


def provenance(title: str, value: str, sentence, source_file, corrected=None) -> None:
    """Where a number came from: its sentence and file."""
    badge = f" <span class='cp-badge'>{html.escape(queries.label(queries.CORRECTED_LABELS, corrected))}</span>" if corrected is not None and not pd.isna(corrected) else ""
    sentence = "（无原句）" if sentence is None or pd.isna(sentence) else str(sentence)
    source = "（未知文件）" if source_file is None or pd.isna(source_file) else str(source_file)
    st.html(
        f"<div class='cp-kwic'><b>{html.escape(title)}：{html.escape(value)}</b>{badge}<br>{html.escape(sentence)}"
        f"<br><span class='cp-src'>来源文件：{html.escape(source)}</span></div>"
    )


def correction_form(fact: pd.Series, key: str) -> None:
    """Correct or hide one fact; the record goes to the reviewed corrections file."""
    with st.expander("发现数值有误？更正或隐藏这个数值"):
        with st.form(f"correct_{key}", clear_on_submit=True):
            action = st.radio("操作", ["correct", "hide"], horizontal=True, format_func=lambda a: {"correct": "更正数值", "hide": "隐藏（误提取）"}[a])
            c1, c2, c3 = st.columns(3)
            value = c1.text_input("正确数值", placeholder="例如 6.5")
            unit = c2.text_input("单位", value="" if pd.isna(fact["unit"]) else str(fact["unit"]))
            qualifier = c3.selectbox("限定", ["", *queries.QUALIFIER_LABELS], format_func=lambda q: queries.QUALIFIER_LABELS.get(q, "不改"), placeholder="请选择")
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
        st.error(md(f"更正没有保存：{exc}"))
        return False
    st.success(f"已记录第 {n} 条更正（写入 data/reference/corrections.csv），已在页面生效；重新构建后也会保留。")
    return True


def excel_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """An .xlsx whose text cells are text: a cell starting with = + - @ gets a leading apostrophe."""
    safe = neutralise_formulas(queries.export_ready(frame))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.astype(object).where(safe.notna(), None).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def download_buttons(name: str, frame: pd.DataFrame, key: str) -> None:
    label = queries.TABLE_LABELS.get(name, name)
    c1, c2 = st.columns(2)
    c1.download_button(f"下载 {label}（CSV）", csv_bytes(frame), file_name=f"{label}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore")
    c2.download_button(f"下载 {label}（Excel）", excel_bytes(frame, label), file_name=f"{label}.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx", on_click="ignore")


def corpus_overview(documents: pd.DataFrame, n_facts: int) -> None:
    """The pipeline's counters and the county × year coverage (every year a column, 缺 where none)."""
    st.subheader("入库概况")
    counts = queries.document_counts(documents)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("已入库文档", counts["ok"])
    c2.metric("已拒收", counts["rejected"])
    c3.metric("重复文件", counts["duplicate"])
    c4.metric("提取的数值", n_facts)
    st.markdown("**文档覆盖：县 × 年份**（格子里是入库文档数；“缺”表示该县该年没有文档）")
    coverage = queries.coverage_table(documents)
    if coverage.empty:
        empty_state("还没有入库的文档。")
    else:
        html_table(coverage)


def cloud(freq: pd.DataFrame, *, present: bool, theme: str, build_id: str) -> None:
    # Document-weighted slogans draw by their weight (see queries.term_frequencies).
    sizes = freq["weight"] if "weight" in freq.columns else freq["count"]
    pairs = tuple((str(t), float(c)) for t, c in zip(freq["term"], sizes))
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
        st.html(f"<div class='cp-kwic'>{row.html}<br><span class='cp-src'>{html.escape(row.县)} {year} · 来源文件：{html.escape(str(row.来源文件))}</span></div>")
    if len(rows) > max_rows:
        st.caption(f"仅显示前 {max_rows} 句，共 {len(rows)} 句。")
