"""Clouds are drawn on demand in the app (the build no longer draws them): a cloud that cannot
be drawn, whatever the document behind it, leaves a message on the page, not a traceback."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _app_drawing_one_cloud():
    import pandas as pd
    import streamlit as st

    from dashboard import components

    components.cloud(pd.DataFrame({"term": ["乡村振兴", "营商环境"], "count": [3, 2]}),
                     present=False, theme="light", build_id="test")
    st.write("页面其余部分照常显示")


def test_a_cloud_that_cannot_be_drawn_is_a_message_not_a_crash(monkeypatch):
    from dashboard import data

    def broken(*args, **kwargs):
        raise OSError("font broke on a glyph")

    # monkeypatch, not assignment inside the app: the module is shared with later tests.
    monkeypatch.setattr(data, "render_cloud", broken)
    at = AppTest.from_function(_app_drawing_one_cloud).run(timeout=30)
    assert not at.exception
    assert any("词云没有画出来（OSError）" in info.value for info in at.info)
    assert any("页面其余部分照常显示" in m.value for m in at.markdown)
