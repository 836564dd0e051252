"""数据 page, first section: choose report files, then ONE button saves them and rebuilds.

The files are stored by ``dashboard.uploads`` (names sanitised, never overwriting); the
build runs in a child process (``dashboard.rebuild``) and reports its stages. Files the
uploader refused and files the build rejected are listed with the reason and what to do.
Everything here needs the admin password.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth, queries, rebuild, uploads
from pipeline import settings

BUTTON = "保存并重新构建"


def render(admin: bool, build_available: bool) -> None:
    st.subheader("上传报告并重新构建")
    accepted = [s.lstrip(".") for s in settings.ACCEPTED_SUFFIXES]
    generation = st.session_state.setdefault("_up_generation", 0)
    c1, c2 = st.columns(2)
    files = c1.file_uploader("选择文件（可多选）", type=accepted, accept_multiple_files=True, key=f"up_files_{generation}", disabled=not admin)
    folder = c2.file_uploader("或选择整个文件夹", type=accepted, accept_multiple_files="directory", key=f"up_dir_{generation}", disabled=not admin)
    chosen = list(files or []) + list(folder or [])
    limit = settings.MAX_INPUT_BYTES // (1024 * 1024)
    st.caption(f"支持 {'、'.join(settings.ACCEPTED_SUFFIXES)}，单个文件不超过 {limit} MB。文件原样保存在原始数据目录的 uploads/ 下，"
               "同名但内容不同的文件会自动改名，不会覆盖。没有选择文件时，按钮只用已有文件重新构建。")
    if not build_available:
        st.info("构建模块尚未就绪（pipeline.build 还没有合入），暂时不能在这里重新构建。", icon="ℹ️")
        return
    rebuild.panel(admin, before_start=lambda: _save(chosen, generation), label=BUTTON)
    if st.session_state.pop("_up_refused", False):
        st.warning("所选文件都没能保存（原因和处理办法见下表），所以没有重新构建。", icon="⚠️")
    results = st.session_state.get("_up_results")
    if results is not None and not results.empty:
        st.markdown("**本次上传的文件**")
        _table(results)


def rejected_section(documents: pd.DataFrame) -> None:
    """Files the last build did not take in: the full reason and what to do."""
    rejected = queries.rejected_files(documents)
    if rejected.empty:
        return
    st.markdown(f"**未入库的文件（{len(rejected)} 个）**：原因和处理办法")
    _table(rejected)


def _save(chosen: list, generation: int) -> bool:
    """Store the chosen files; False (no build) when every one of them was refused."""
    if not chosen:
        st.session_state.pop("_up_results", None)
        return True
    if not auth.is_unlocked():
        return False
    results = [uploads.store_upload(f.name, f.getvalue()) for f in chosen]
    st.session_state["_up_results"] = upload_results(results)
    st.session_state["_up_generation"] = generation + 1  # empties the uploaders
    if all(r.status == "rejected" for r in results):
        st.session_state["_up_refused"] = True
        return False
    return True


def upload_results(results: list[uploads.Stored]) -> pd.DataFrame:
    """One row per chosen file: what happened, under which name, and for a refused one why and what to do."""
    return pd.DataFrame(
        {
            "文件": [r.name for r in results],
            "结果": [uploads.STATUS_LABELS[r.status] for r in results],
            "保存为": [r.path.name if r.path else "" for r in results],
            "原因": [r.reason for r in results],
            "怎么办": [queries.rejection_advice(r.reason) if r.status == "rejected" else "" for r in results],
        }
    )


def _table(frame: pd.DataFrame) -> None:
    # Reasons are sentences: a plain table wraps them instead of cutting them off.
    from dashboard import components

    components.html_table(frame)
