"""The corpus stages' stores: a stored result reused exactly while what it depended on holds,
and a store that does not read taken as empty, never trusted."""

from __future__ import annotations

from pipeline import corpus_stores
from pipeline.corpus_slogans import Corpus


def test_a_stored_result_is_reused_while_what_it_depended_on_holds(tmp_path, monkeypatch):
    """``corpus_stores.cached_map``: a report is looked at again only when a phrase that
    entered or left the set occurs in its text, or a phrase it asked about changed."""
    docs = [{"doc_id": f"d{i}", "text": text} for i, text in enumerate(["乡村振兴见成效", "营商环境更优", "共同富裕"])]
    corpus = Corpus(keys={d["doc_id"]: f"key{i}" for i, d in enumerate(docs)}, store=tmp_path)
    ran, listing = [], {"乡村振兴": "slogan"}

    def job(item):
        ran.append(item[0])
        return sorted(p for p in corpus_stores.context() if p in item[1]), {"乡村振兴": listing["乡村振兴"]}

    def run(phrases):
        ran.clear()
        out = corpus_stores.cached_map(corpus, "test", "v1", frozenset(phrases), docs, job,
                                         context=frozenset(phrases), consulted=lambda p: listing.get(p))
        return {doc_id: corpus_stores.unpack(blob) for doc_id, blob in out.items()}  # packed where computed

    assert run({"乡村振兴"}) == {"d0": ["乡村振兴"], "d1": [], "d2": []} and ran == ["d0", "d1", "d2"]
    assert run({"乡村振兴"}) and ran == []
    assert run({"乡村振兴", "营商环境"})["d1"] == ["营商环境"] and ran == ["d1"]  # only its text holds the new phrase
    assert run({"营商环境"})["d0"] == [] and ran == ["d0"]
    listing["乡村振兴"] = "plan_period"  # what every report asked about changed
    run({"营商环境"})
    assert ran == ["d0", "d1", "d2"]


def test_a_store_that_does_not_unpickle_reads_as_missing(tmp_path):
    """Cut short, not a pickle, or naming a module that is gone (an older checkout's): the slogan
    stores read as empty, so the build computes again instead of failing."""
    for i, data in enumerate([b"\x80\x05\x95", b"not a pickle", b"cnonexistent_module_of_an_old_checkout\nThing\n."]):
        path = tmp_path / f"store-{i}.pickle"
        path.write_bytes(data)
        assert corpus_stores.load(path) == {} and corpus_stores.load_dict(path, "kinds") == {}
    assert corpus_stores.load(None) == {} and corpus_stores.load_dict(tmp_path / "absent.pickle", "kinds") == {}


def test_a_saved_store_replaces_its_other_versions_only(tmp_path):
    for name in ("kinds-old-4.pickle", "kinds-older-3.pickle", "pairs-x.pickle", "kinds.txt"):
        (tmp_path / name).write_bytes(b"x")
    corpus_stores.save(tmp_path / "kinds-new-4.pickle", {"kinds": {"a": 1}}, replacing="kinds-*.pickle")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kinds-new-4.pickle", "kinds.txt", "pairs-x.pickle"]
    assert corpus_stores.load_dict(tmp_path / "kinds-new-4.pickle", "kinds") == {"a": 1}
    corpus_stores.save(tmp_path / "pairs-y.pickle", {"pairs": {}})  # nothing named: nothing removed
    assert (tmp_path / "pairs-x.pickle").exists()
