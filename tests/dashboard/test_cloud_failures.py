"""Clouds are drawn on demand in the app (the build no longer draws them): a cloud that cannot
be drawn, whatever the document behind it, leaves a message on the page, not a traceback."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _app_with_a_broken_renderer():
    import pandas as pd

    from dashboard import components, data

    def broken(*args, **kwargs):
        raise OSError("font broke on a glyph")

    data.render_cloud = broken
    components.cloud(pd.DataFrame({"term": ["乡村振兴", "营商环境"], "count": [3, 2]}),
                     present=False, theme="light", build_id="test")
    import streamlit as st

    st.write("页面其余部分照常显示")


def test_a_cloud_that_cannot_be_drawn_is_a_message_not_a_crash():
    at = AppTest.from_function(_app_with_a_broken_renderer).run(timeout=30)
    assert not at.exception
    assert any("词云没有画出来（OSError）" in info.value for info in at.info)
    assert any("页面其余部分照常显示" in m.value for m in at.markdown)
