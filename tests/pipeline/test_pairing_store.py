"""Pairing county by county from the last build's store equals pairing every fact again,
whatever changed in between, and pairs again only the counties whose facts changed."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import contracts, pairing_store
from pipeline.pairing import group_name, pair_targets_outcomes
from pipeline.pairing_store import pair_with_store
from tests.conftest import copy_samples


@pytest.fixture(scope="module")
def sample_facts(tmp_path_factory):
    """The samples' facts, and the same facts again as if of three more counties."""
    from pipeline.doc_tables import indicators_table
    from pipeline.documents import process_file, scan_raw_dir

    raw, cache = copy_samples(tmp_path_factory.mktemp("raw") / "raw"), tmp_path_factory.mktemp("cache")
    results = [r for r in (process_file(p, raw, cache) for p in scan_raw_dir(raw)) if r.status == "ok"]
    facts = indicators_table(results)
    documents = pd.DataFrame([r.document_row() for r in results])
    copies, kinds = [facts], [documents]
    for n, county in enumerate(("甲县", "乙县", "丙县")):
        copies.append(facts.assign(county=county, doc_id=facts["doc_id"] + str(n), fact_id=facts["fact_id"] + str(n)))
        kinds.append(documents.assign(doc_id=documents["doc_id"] + str(n)))
    return contracts.conform(pd.concat(copies, ignore_index=True), "indicators"), pd.concat(kinds, ignore_index=True)


@pytest.fixture
def paired_rows(monkeypatch):
    """The facts each call of ``pair_rows`` was given, by county."""
    calls = []
    original = pairing_store.pair_rows

    def counting(indicators, documents=None, keep=None):
        calls.append({group_name(c, p) for c, p in zip(indicators["county"], indicators["province"])})
        return original(indicators, documents, keep)

    monkeypatch.setattr(pairing_store, "pair_rows", counting)
    return calls


def _counties(facts: pd.DataFrame) -> set:
    return {group_name(c, p) for c, p in zip(facts["county"], facts["province"])}


def test_the_first_build_pairs_all_and_the_next_reads_every_county_back(sample_facts, tmp_path, paired_rows):
    facts, documents = sample_facts
    expected = pair_targets_outcomes(facts, documents)
    assert len(expected) > 10 and expected["county"].nunique() > 3
    pd.testing.assert_frame_equal(pair_with_store(facts, documents, None, tmp_path), expected)
    assert paired_rows == [_counties(facts)] and len(list(tmp_path.glob("pairs-*.pickle"))) == 1
    # The same facts in another order: nothing paired again, the same table.
    shuffled = facts.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(pair_with_store(shuffled, documents, None, tmp_path), expected)
    assert len(paired_rows) == 1


def test_a_changed_county_alone_is_paired_again(sample_facts, tmp_path, paired_rows):
    facts, documents = sample_facts
    pair_with_store(facts, documents, None, tmp_path)
    target = facts.index[(facts["kind"] == "target") & facts["value"].notna()][0]
    county = group_name(facts.at[target, "county"], facts.at[target, "province"])
    changed = facts.copy()
    changed.loc[target, "value"] = changed.at[target, "value"] + 1.5
    got = pair_with_store(changed, documents, None, tmp_path)
    pd.testing.assert_frame_equal(got, pair_targets_outcomes(changed, documents))
    assert paired_rows[-1] == {county}


def test_removed_documents_kinds_and_masks_are_seen(sample_facts, tmp_path, paired_rows):
    facts, documents = sample_facts
    pair_with_store(facts, documents, None, tmp_path)
    gone = facts["doc_id"].iloc[0]
    fewer = facts[facts["doc_id"] != gone]
    pd.testing.assert_frame_equal(pair_with_store(fewer, documents, None, tmp_path),
                                  pair_targets_outcomes(fewer, documents))
    assert paired_rows[-1] == _counties(facts[facts["doc_id"] == gone])  # the counties it spoke of
    # A document's kind decides which outcome is the best evidence.
    other_kind = documents.assign(doc_type=documents["doc_type"].where(documents["doc_id"] != gone, "统计公报"))
    pd.testing.assert_frame_equal(pair_with_store(facts, other_kind, None, tmp_path),
                                  pair_targets_outcomes(facts, other_kind))
    keep = facts["doc_id"] != facts["doc_id"].iloc[-1]
    pd.testing.assert_frame_equal(pair_with_store(facts, documents, keep, tmp_path),
                                  pair_targets_outcomes(facts, documents, keep=keep))
    # Back to the first state, after all of that: still the full pairing.
    pd.testing.assert_frame_equal(pair_with_store(facts, documents, None, tmp_path),
                                  pair_targets_outcomes(facts, documents))


def test_a_damaged_store_pairs_everything_again(sample_facts, tmp_path, paired_rows):
    facts, documents = sample_facts
    pair_with_store(facts, documents, None, tmp_path)
    [store] = tmp_path.glob("pairs-*.pickle")
    store.write_bytes(b"not a pickle")
    pd.testing.assert_frame_equal(pair_with_store(facts, documents, None, tmp_path),
                                  pair_targets_outcomes(facts, documents))
    assert paired_rows[-1] == _counties(facts)


def test_without_a_store_or_facts_it_is_the_plain_pairing(sample_facts, tmp_path):
    facts, documents = sample_facts
    pd.testing.assert_frame_equal(pair_with_store(facts, documents, None, None), pair_targets_outcomes(facts, documents))
    empty = facts.iloc[:0]
    pd.testing.assert_frame_equal(pair_with_store(empty, documents, None, tmp_path), pair_targets_outcomes(empty, documents))
