"""How the 县情驾驶舱 is drawn: KPI tiles, the scorecard, the slogan panel, the source line.

The HTML builders are pure (string in, string out, every document-derived text escaped) so
tests can read them; the ``show_*`` functions put them on the page.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import queries

STATUS_CLASS = {"met": "cp-met", "missed": "cp-missed", "no_outcome_yet": "cp-pending", "unknown": "cp-pending"}


def _e(text) -> str:
    return html.escape("" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text), quote=True)


def tile_html(tile: dict) -> str:
    status_class = STATUS_CLASS.get(tile["status"], "cp-none")
    note = "（预计）" if tile["estimated"] else ""
    verdict = " · ".join(p for p in (tile["verdict"], tile["gap"]) if p) or ("暂无目标" if tile["target"] == queries.MISSING else "")
    verdict_html = f"<div class='cp-tile-verdict'>{_e(verdict)}</div>"
    if tile["stale_year"]:
        # An older value is never shown as this year's: the badge takes the verdict's place.
        verdict_html = f"<div class='cp-tile-stale'>{tile['stale_year']}年数据（{_e(tile.get('year_asked', ''))}无数据）</div>"
    target = f"目标 {tile['target']}" if tile["target"] != queries.MISSING else ""
    kind = f"来自{tile['source_kind']}" if tile.get("source_kind") else ""
    line = " · ".join(p for p in (target, tile["rank"], tile["previous"], kind) if p) or "\u00a0"
    tip = f"{tile['sentence'] or ''}\n来源文件：{tile['source_file'] or '（未知）'}"
    return (
        f"<div class='cp-tile {status_class}' title='{_e(tip)}'>"
        f"<div class='cp-tile-label'>{_e(tile['label'])}</div>"
        f"<div class='cp-tile-value'>{_e(tile['actual'])}<span class='cp-tile-note'>{note}</span></div>{verdict_html}"
        f"<div class='cp-tile-line'>{_e(line)}</div></div>"
    )


def tiles_html(tiles: list[dict], year: int | None = None) -> str:
    body = "".join(tile_html({**t, "year_asked": f"{year}年" if year else ""}) for t in tiles)
    return f"<div class='cp-tiles'>{body}</div>"


def timeline_link(county: str, year: int | None, indicator: str, measure: str) -> str:
    query = {"county": county, "indicator": indicator, "measure": measure}
    if year is not None:
        query["year"] = str(year)
    return "targets?" + urlencode(query)


def scorecard_html(card: pd.DataFrame, county: str, year: int | None, with_year: bool = False) -> str:
    """The scorecard table; ``with_year``: a 年份 column first and each row linked to its own year."""
    head = "".join(f"<th>{c}</th>" for c in (("年份",) if with_year else ()) + ("结果", "指标", "目标", "实绩", "实绩来源", "差距"))
    rows = []
    for row in card.itertuples(index=False):
        link = timeline_link(county, int(row.period) if with_year else year, row.indicator, row.measure)
        rows.append(
            f"<tr class='{STATUS_CLASS.get(row.status, 'cp-none')}'>"
            + (f"<td>{_e(row.年份)}</td>" if with_year else "") +
            f"<td class='cp-verdict'>{_e(row.结果)}</td>"
            f"<td><a href='{_e(link)}' target='_self' title='打开该指标的历年目标与实绩'>{_e(row.指标)}</a></td>"
            f"<td>{_e(row.目标)}</td><td>{_e(row.实绩)}</td><td>{_e(row.实绩来源)}</td><td>{_e(row.差距)}</td></tr>"
        )
    # Its own scroll box: the cockpit stays one screen however many targets a report sets.
    return f"<div class='cp-scorecard-wrap'><table class='cp-table cp-scorecard'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"


def scorecard_message(card: pd.DataFrame, county: str, year: int | None, others: pd.DataFrame | None = None) -> str:
    if card.empty and others is not None and not others.empty:
        return f"{county}{year}年的报告里没有提取到年度目标；下方列出{county}其他年份的{len(others)}项目标。"
    if card.empty:
        return f"{county}{year}年的报告里没有可对照的年度目标。"
    n = queries.scorecard_counts(card)
    return f"{county}{year}年{len(card)}项目标：达成{n['met']}项，未达成{n['missed']}项，待公布{n['no_outcome_yet']}项。"


def chips(terms: list[str], css: str) -> str:
    return "".join(f"<span class='cp-chip {css}'>{_e(t)}</span>" for t in terms) or "<span class='cp-muted'>无</span>"


def slogans_html(changes: dict, county: str, year: int | None) -> str:
    if not changes["top"]:
        return f"<div class='cp-panel'><h4>提法</h4><p class='cp-muted'>{_e(county)}{year}年的报告没有提取到提法。</p></div>"
    top = "".join(f"<li>{_e(s)}<span class='cp-count'>{c} 次</span></li>" for s, c in changes["top"])
    parts = [f"<h4>{_e(county)}{year}年报告的高频提法</h4><ol class='cp-top'>{top}</ol>"]
    if changes["previous_year"] is None:
        parts.append("<p class='cp-muted'>没有更早的报告，无法判断哪些提法是新提出的。</p>")
    else:
        parts.append(f"<h4>本年新提法</h4><div>{chips(changes['new'], 'cp-new')}</div>")
        parts.append(f"<h4>不再提及（{changes['previous_year']}年有）</h4><div>{chips(changes['dropped'], 'cp-dropped')}</div>")
    return "<div class='cp-panel'>" + "".join(parts) + "</div>"


# --- On the page ------------------------------------------------------------------------------


def show_message(sentence: str) -> None:
    if sentence:
        st.html(f"<p class='cp-message'>{_e(sentence)}</p>")


def show_tiles(tiles: list[dict], year: int | None) -> None:
    st.html(tiles_html(tiles, year))


def show_scorecard(card: pd.DataFrame, county: str, year: int | None, others: pd.DataFrame | None = None) -> None:
    """The year's scorecard; without targets that year, the county's targets of other years
    (``others``: ``queries.other_targets``) and why there is nothing to compare yet."""
    # With other years' targets under their own heading, a slide drops the empty year's heading.
    omit = " cp-slide-omit" if card.empty and others is not None and not others.empty else ""
    st.html(f"<h3 class='cp-h{omit}'>{_e(county)}{year}年目标完成情况</h3>")
    if card.empty:
        if others is None or others.empty:
            st.html(f"<p class='cp-muted'>{_e(scorecard_message(card, county, year))}目标来自当年的报告；实绩来自下一年的报告或统计公报。</p>")
            return
        # On a slide the headline above says it (no targets that year, the list below): not said twice.
        st.html(f"<p class='cp-muted cp-slide-omit'>{_e(queries.no_comparison_reason(others, county, year))}</p>")
        st.html(f"<h4 class='cp-h cp-h-sub'>{_e(county)}其他年份的目标</h4>")
        st.html(scorecard_html(others, county, None, with_year=True))
        st.html("<p class='cp-muted cp-legend'>✔ 达成 · ✘ 未达成 · ◌ 待公布（下一年的报告尚未入库）。点指标名查看历年目标与实绩。</p>")
        return
    st.html(scorecard_html(card, county, year))
    st.html("<p class='cp-muted cp-legend'>未达成在前；✔ 达成 · ✘ 未达成 · ◌ 待公布（下一年的报告尚未入库）。点指标名查看历年目标与实绩。</p>")


def show_slogans(changes: dict, county: str, year: int | None) -> None:
    st.html(slogans_html(changes, county, year))


def show_source(line: str) -> None:
    st.html(f"<p class='cp-source'>{_e(line)}</p>")
