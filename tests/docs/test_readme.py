"""The README documents every table, column and command the code provides."""

from __future__ import annotations

import re

from pipeline import contracts, settings

README = (settings.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_table_and_column_is_documented():
    for contract in contracts.CONTRACTS.values():
        assert f"`{contract.name}`" in README, contract.name
        for column in contract.column_names:
            assert re.search(rf"\b{re.escape(column)}\b", README), f"{contract.name}.{column}"


def test_cli_usage_is_documented():
    assert "python -m pipeline build [--raw DIR] [--out DIR] [--workers N] [--force]" in README


def test_quick_start_has_two_commands_and_ci_runs_the_test_command():
    blocks = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    assert len(blocks) >= 2
    install_and_run, test_command = blocks[0].strip(), blocks[1].strip()
    assert "pipeline build" in install_and_run and "streamlit run dashboard/app.py" in install_and_run
    ci = (settings.PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_bundled_corpus_matches_its_manifest():
    import hashlib

    raw = settings.PROJECT_ROOT / "data" / "raw"
    lines = (raw / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    listed = {}
    for line in lines:
        name, sha, *_ = line.split("\t")
        listed[name] = sha
    on_disk = {p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file() and p.name != "MANIFEST.tsv"}
    assert on_disk == set(listed)
    for name, sha in listed.items():
        assert hashlib.sha256((raw / name).read_bytes()).hexdigest() == sha
