"""bench.drop_steps wraps the build's steps where they are looked up, and counts their calls."""

from __future__ import annotations

from bench import drop_steps
from pipeline import corpus_terms


def test_every_step_is_a_function_of_the_pipeline_and_is_timed(monkeypatch):
    for label, owner, name, _depth in drop_steps.STEPS:
        assert name in owner.__dict__, label  # a renamed step would silently drop out of the table
        monkeypatch.setattr(owner, name, owner.__dict__[name])  # put back after the test
    spent = drop_steps.instrument()
    index = corpus_terms.TermIndex.of([])  # a classmethod stays one once wrapped
    assert index.terms == [] and spent["term index"][1] == 1
