"""The per-file stage: results made in worker processes reach the build held, their quoted
phrases interned in the build's process (so each is one object however many reports hold it)
and their terms one string per report."""

from __future__ import annotations

import sys

from pipeline import file_stage
from pipeline.documents import scan_raw_dir


def test_results_from_workers_are_held_with_their_phrases_interned(sample_raw_dir, tmp_path):
    files = scan_raw_dir(sample_raw_dir)
    results = file_stage.process_all(files, sample_raw_dir, tmp_path / "out", workers=2, force=True, progress=None)
    ok = [r for r in results if r.status == "ok"]
    assert len(ok) >= 2 and all(r.partial is not None and r.vocab is None for r in ok)
    assert all(r.facts is None for r in ok if r.packed_facts is not None)  # facts packed
    for result in ok:
        assert result.partial.seen and all(sys.intern(word) is word for word in result.partial.seen)
        assert isinstance(result.partial.terms_text, str) and result.partial.terms  # one string per report
    # The same file read again comes from the cache, held the same way.
    again = file_stage.process_all(files, sample_raw_dir, tmp_path / "out", workers=2, force=False, progress=None)
    assert all(r.from_cache for r in again if r.status == "ok")
    assert [r.partial.terms for r in again if r.status == "ok"] == [r.partial.terms for r in ok]
