"""A document's facts as records: the frame-free path equals the pandas one, types included."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from pipeline import documents
from pipeline.attribution import attribute_counties
from pipeline.extract import FACT_COLUMNS, extract_indicators
from pipeline.identify import identify_document
from pipeline.ingest import read_document
from pipeline.normalise import normalise_text

ROOT = Path(__file__).resolve().parents[2]
PLACES = {"county": "浚县", "city": "鹤壁市", "province": "河南省"}


def typed(records):
    return [[(key, type(value), value) for key, value in record.items()] for record in records]


def through_pandas(rows, places):
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    for column, value in places.items():
        frame[column] = value
    return documents._records(frame)


@pytest.mark.parametrize("column_values", [
    [2021, 2022],  # ints: read back as ints
    [2021, None],  # ints with a gap: floats and None
    [6.5, 7],  # ints among floats: floats
    [math.nan, 3.0],  # a NaN: None
    [None, None],
    ["地区生产总值", None],
    [True, False],
    [True, None],  # bools with a gap: an object column
    [True, 1],  # a mixed column keeps its values
    ["7%", 7],
])
def test_rows_are_typed_as_a_frame_types_them(column_values):
    rows = [{"indicator": "地区生产总值", "period": value, "value": value, "estimated": value}
            for value in column_values]
    for places in (PLACES, {"county": None, "city": None, "province": None}):
        assert typed(documents._records_of_rows(rows, places)) == typed(through_pandas(rows, places))


def test_no_rows_no_records():
    assert documents._records_of_rows([], PLACES) == through_pandas([], PLACES) == []


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "raw").rglob("*.txt"))[:40], ids=lambda p: p.name)
def test_a_documents_facts_equal_the_frame_path(path):
    text = normalise_text(read_document(path).text)
    identity = identify_document(text, path.name, None)
    expected = documents._records(attribute_counties(extract_indicators(text, identity), text, identity))
    assert typed(documents.extract_facts(text, identity)) == typed(expected)
