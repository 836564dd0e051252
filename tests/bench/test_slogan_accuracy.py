"""bench/slogan_accuracy.py: the scoring on hand-made frames, and the figures on the real
corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

import pandas as pd
import pytest

from bench import slogan_accuracy as bench


def _gold(rows):
    return pd.DataFrame(rows, columns=["doc", "phrase", "label", "written", "note"])


def _slogans(rows):
    return pd.DataFrame(rows, columns=["doc_id", "slogan", "family", "kind"])


def test_score_counts_recall_traps_and_unlabelled():
    gold = _gold([
        ("d1", "六稳", "slogan", "quoted", ""),
        ("d1", "六穩", "slogan", "quoted", ""),  # folded to the same phrase
        ("d1", "1345", "slogan", "quoted", ""),
        ("d1", "双减", "slogan", "lost", ""),
        ("d1", "乡村振兴", "slogan", "unquoted", ""),
        ("d1", "十四五", "plan_period", "quoted", ""),
        ("d1", "全国文明城市", "honour", "quoted", ""),
        ("d1", "大学梦", "skip", "quoted", ""),
    ])
    found = _slogans([
        ("d1", "六稳", "六稳六保", "slogan"),
        ("d1", "1345发展思路", "1345发展思路", "slogan"),
        ("d1", "十四五", "十四五", "slogan"),
        ("d1", "全国文明城市", "全国文明城市", "honour"),
        ("d1", "三创四建", "三创四建", "slogan"),
        ("d2", "放管服", "放管服", "slogan"),  # a document without gold rows is not scored
    ])
    result = bench.score(gold, found)
    assert (result["found"], result["slogans"]) == (3, 4)  # unquoted mentions apart
    assert result["recall_all"] == 3 / 5
    assert result["recall_by_written"] == {"lost": 0.0, "quoted": 1.0, "unquoted": 0.0}
    assert (result["traps_counted"], result["traps"]) == (1, 2)
    assert result["traps_hit"] == [("d1", "十四五", "plan_period")]
    assert result["misses"] == [("d1", "双减", "lost"), ("d1", "乡村振兴", "unquoted")]
    assert result["unlabelled"] == [("d1", "三创四建")]


def test_fold_drops_pinyin_quotes_and_script():
    assert bench.fold("经(jīng)济要稳(wěn)住") == "经济要稳住"
    assert bench.fold("「六穩」") == "六稳"


def test_main_prints_both_sets(capsys):
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "samples:" in out and "corpus:" in out


def test_real_corpus_figures():
    if not bench.corpus_dir().is_dir():
        pytest.skip("the shared real corpus is not here")
    result = bench.run_all()["corpus"]
    assert result["recall"] >= 0.95, result["misses"]
    assert result["trap_rate"] <= 0.02, result["traps_hit"]
