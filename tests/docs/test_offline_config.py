"""The app's configuration keeps it offline: no usage statistics, no external-IP lookup."""

from __future__ import annotations

import tomllib

from pipeline import settings


def test_streamlit_config_makes_no_calls_home():
    config = tomllib.loads((settings.PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    # Without a named address a headless server asks checkip.amazonaws.com for its external IP.
    assert config["browser"]["serverAddress"] == "localhost"
    assert config["server"]["headless"] is True
