"""The synthetic corpus generator: deterministic, varied, readable by the pipeline."""

from __future__ import annotations

from bench.corpus import corpus_digest, generate_report, real_places, write_corpus
from bench.naive import read_text


def test_same_seed_same_bytes_and_a_report_does_not_depend_on_n(tmp_path):
    small = write_corpus(tmp_path / "a", 12, seed=3)
    again = write_corpus(tmp_path / "b", 12, seed=3)
    assert corpus_digest(small) == corpus_digest(again)
    assert generate_report(7, seed=3).content == small[7].content
    assert corpus_digest(write_corpus(tmp_path / "c", 12, seed=4)) != corpus_digest(small)


def test_reports_are_distinct_and_spread_over_places_years_and_formats():
    reports = [generate_report(i, seed=11) for i in range(80)]
    assert len({r.content for r in reports}) == len(reports)
    suffixes = {r.relative_path.rsplit(".", 1)[1] for r in reports}
    assert suffixes == {"txt", "html", "docx"}
    years = {r.report_year for r in reports}
    assert len(years) >= 8 and all(2005 <= y <= 2030 for y in years)
    named = {r.county for r in reports if r.county}
    assert len(named) >= 10
    assert named <= {p.county for p in real_places()}


def test_named_reports_carry_their_county_and_every_format_reads_back(tmp_path):
    reports = write_corpus(tmp_path, 40, seed=11)
    for report in reports:
        text = read_text(tmp_path / report.relative_path)
        assert len(text) > 500
        if report.county:
            assert report.county in text
