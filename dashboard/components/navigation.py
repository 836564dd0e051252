"""The page menu and 分享此视图 (copy link, QR code)."""

from __future__ import annotations

import streamlit as st

# The app's pages: (slug, menu title, icon). Icons are Material Symbols, which Streamlit ships
# with its own font; an emoji would need a colour-emoji font the projector PC may lack (a box).
PAGES = (
    ("cockpit", "县情驾驶舱", ":material/dashboard:"),
    ("compare", "县域对比", ":material/leaderboard:"),
    ("targets", "目标与实绩", ":material/flag:"),
    ("vocabulary", "政策热词", ":material/cloud:"),
    ("data", "数据", ":material/folder_open:"),
)


def page_icon(slug: str) -> str:
    return next(icon for s, _, icon in PAGES if s == slug)


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
