"""The step as the build calls it: contracts, determinism, empty and odd inputs."""

from __future__ import annotations

import pandas as pd

from pipeline.vocabulary import build_vocabulary_tables, render_clouds


def test_rebuild_is_identical(sample_texts, built_tables):
    again = build_vocabulary_tables(sample_texts.sample(frac=1.0, random_state=1))
    for name, frame in built_tables.items():
        pd.testing.assert_frame_equal(again[name], frame)


def test_empty_and_blank_inputs(tmp_path):
    empty = pd.DataFrame({"doc_id": [], "county": [], "report_year": pd.Series([], dtype="Int64"), "text": []})
    tables = build_vocabulary_tables(empty)
    assert all(len(frame) == 0 for frame in tables.values())
    assert render_clouds(tables["keywords"], tables["slogans"], tmp_path) == []
    odd = pd.DataFrame({"doc_id": ["a", "b"], "county": [pd.NA, "某县"], "report_year": [pd.NA, 2020], "text": [None, "   "]})
    tables = build_vocabulary_tables(odd)
    assert all(len(frame) == 0 for frame in tables.values())


def test_documents_filter_restricts_clouds(built_tables, tmp_path):
    documents = pd.DataFrame({"doc_id": ["003_ad147ba315cb1764"], "status": ["ok"]})
    paths = render_clouds(built_tables["keywords"], built_tables["slogans"], tmp_path, documents=documents)
    names = {p.name for p in paths}
    assert any("利津县" in n for n in names) and not any("浚县" in n for n in names)


def test_a_build_process_never_imports_the_cloud_renderer():
    """Clouds are drawn in the app: a build's processes (its imports and the workers' warm-up)
    leave wordcloud and matplotlib unimported, while ``pipeline.vocabulary.render_clouds`` still
    resolves for the callers of the API."""
    import subprocess
    import sys

    script = ("import sys, pipeline.__main__, pipeline.build\n"
              "from pipeline.documents import warm_up\n"
              "warm_up()\n"
              "print(sorted(m for m in ('wordcloud', 'matplotlib') if m in sys.modules))\n"
              "from pipeline import vocabulary\n"
              "print(vocabulary.render_clouds.__module__)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "pipeline.clouds"
