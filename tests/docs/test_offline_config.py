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


def test_app_binds_localhost_and_keeps_secrets_out_of_the_repository():
    config = tomllib.loads((settings.PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    ignored = (settings.PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".streamlit/secrets.toml" in ignored
    import subprocess

    tracked = subprocess.run(["git", "ls-files", ".streamlit"], capture_output=True, text=True,
                             cwd=settings.PROJECT_ROOT).stdout.split()
    assert ".streamlit/secrets.toml" not in tracked
