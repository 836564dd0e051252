"""The bundled real corpus (data/raw/corpus): official documents, each identified.

These are real excerpts of 政府工作报告, 统计公报, 计划执行情况 and 目标任务分解 (outside
copyright, PRC Copyright Law art. 5), filed by county as a user would file them. Their
default build shows targets judged against later outcomes, estimates next to final
figures and same-year comparisons of one city's counties.
"""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from pipeline import contracts, doc_kinds, settings
from pipeline.identify import identify_document
from pipeline.ingest import read_document
from pipeline.normalise import normalise_text

# The repository's own raw folder: the tests point COUNTY_PULSE_DATA elsewhere.
RAW = settings.PROJECT_ROOT / "data" / "raw"
CORPUS = RAW / "corpus"


def manifest_rows() -> list[dict]:
    with (settings.PROJECT_ROOT / "data" / "raw" / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["file"].startswith("corpus/")]


def test_every_bundled_document_has_a_source():
    rows = manifest_rows()
    assert len(rows) >= 50
    assert all(row["origin"].startswith("http") for row in rows)


@pytest.fixture(scope="module")
def identities() -> dict[str, object]:
    out = {}
    for path in sorted(CORPUS.rglob("*.txt")):
        relative = path.relative_to(RAW).as_posix()
        ingested = read_document(path)
        out[relative] = identify_document(normalise_text(ingested.text), relative, ingested.html_title)
    return out


def test_only_official_kinds_are_bundled(identities):
    kinds = {identity.doc_type for identity in identities.values()}
    assert kinds <= set(doc_kinds.OFFICIAL_KINDS)
    assert kinds == set(doc_kinds.OFFICIAL_KINDS)


# Where our year convention differs from the corpus label: a plan report delivered in
# December 2021 on 2021's execution and the 2022 plan is for 2022 (the year it plans).
YEAR_CONVENTION = {"yaohai_2021_jhzx.txt": 2022}


def labelled_years() -> dict[str, int | None]:
    years = {}
    for row in manifest_rows():
        match = re.search(r"report year (\d{4}|20XX)", row["notes"])
        years[row["file"]] = int(match.group(1)) if match and match.group(1).isdigit() else None
    return years


def test_every_bundled_document_gets_its_county_and_year(identities):
    years = labelled_years()
    for relative, identity in identities.items():
        folder, name = relative.split("/")[1], relative.split("/")[-1]
        assert folder in (identity.county, identity.county_as_written), relative
        assert identity.report_year == YEAR_CONVENTION.get(name, years[relative]), relative


# ---------------------------------------------------------------- the default build (issue 10 §6)


def read(out, name: str) -> pd.DataFrame:
    return contracts.read_table(name, settings.table_path(out, name))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from pipeline.build import run_build

    out = tmp_path_factory.mktemp("bundled")
    run_build(settings.PROJECT_ROOT / "data" / "raw", out, workers=2)
    return out


def test_targets_judged_against_later_outcomes_in_several_counties(built):
    pairs = read(built, "targets_vs_outcomes")
    judged = pairs[pairs["status"].isin(["met", "missed"])]
    # 大兴区 2022 (two plan reports), 瑶海区 2021 (plan report), 武义县 2020 (bulletin's control target)
    assert {"大兴区", "瑶海区", "武义县"} <= set(judged["county"])
    assert set(judged["actual_doc_type"]) <= {"统计公报", "计划执行情况", "政府工作报告"}


def test_estimates_next_to_final_figures(built):
    pairs = read(built, "targets_vs_outcomes")
    kinds = pairs.dropna(subset=["actual_estimated"]).groupby(["county", "indicator", "measure", "period"])
    both = kinds["actual_estimated"].nunique()
    assert (both == 2).any()  # e.g. 中江县 2022: the report's 预计 and the bulletin's final figure


def test_same_year_comparison_of_three_counties_of_one_city(built):
    indicators = read(built, "indicators")
    documents = read(built, "documents")[["doc_id", "city"]]
    outcomes = indicators[(indicators["kind"] == "actual") & (indicators["scope"] == "annual")
                          & (indicators["indicator"] == "地区生产总值")].merge(documents, on="doc_id")
    assert outcomes.groupby(["city", "period"])["county"].nunique().max() >= 3
