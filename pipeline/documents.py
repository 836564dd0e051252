"""One raw file through the per-document stages: read, normalise, identify, extract.

The result of a file is cached (``pipeline.result_cache``: on its content and a fingerprint
of the code and vocabulary that produced it), so an unchanged file is not re-read and a
change to the extractor invalidates every cached result at once.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import traceback
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import settings
from pipeline.result_cache import cache_key, code_fingerprint, file_sha256, load_cached, store_boundaries, store_cached

log = logging.getLogger(__name__)

RAW_IGNORED = {"MANIFEST.tsv"}


@dataclass
class DocResult:
    source_file: str
    sha256: str
    status: str  # ok | rejected (duplicate is decided later, across files)
    error: str | None = None
    identity: dict = field(default_factory=dict)
    text: str = ""
    facts: list[dict] | None = None
    vocab: dict | None = None  # the report's vocabulary partial (pipeline.partials), cached with it
    boundaries: object = None  # token boundaries on their way to the cache (never in the result sent back)
    warnings: list[str] = field(default_factory=list)  # per-document notes; the file was still used
    from_cache: bool = False
    cache_key: str = ""
    partial: object = None  # the decoded vocabulary partial, once ``hold`` has replaced ``vocab`` with it
    packed_facts: bytes | None = None  # ``facts`` packed by ``hold``; ``fact_records`` unpacks them

    def hold(self, intern: bool = True) -> "DocResult":
        """The compact form the build keeps until its corpus step: the vocabulary partial
        decoded (its quoted phrases interned, so each is one object however many reports hold
        it; its terms are one string) and the facts packed into one compressed bytes object.
        Held as parsed JSON, 10,000 results were millions of Python objects and several GB;
        packed they are a few objects each.

        ``intern=False``: a result about to be pickled (for the cache, or the trip from a
        worker), whose phrases are new objects wherever it is unpickled, interned there."""
        if self.vocab is not None:
            from pipeline.partials import DocPartial

            self.partial = DocPartial.from_json(self.vocab)
            self.vocab = None
        if self.partial is not None and intern:
            self.partial.intern_words()
        if self.facts:
            try:
                # zlib at its fastest: the records repeat their keys, so they shrink about fivefold.
                self.packed_facts, self.facts = zlib.compress(marshal.dumps(self.facts), 1), None
            except ValueError:  # a value marshal cannot pack (never from the cache's JSON): keep it as it is
                pass
        return self

    def fact_records(self) -> list[dict] | None:
        """The facts, unpacked if ``hold`` packed them (a new list each call)."""
        return marshal.loads(zlib.decompress(self.packed_facts)) if self.packed_facts is not None else self.facts

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]

    def document_row(self) -> dict:
        ident = self.identity
        return {
            "doc_id": self.doc_id,
            "source_file": self.source_file,
            "sha256": self.sha256,
            "status": self.status,
            "error": self.error,
            "warning": "；".join(self.warnings) or None,
            "conflicts": None,  # decided across documents by the build (pipeline/conflicts.py)
            "county": ident.get("county"),
            "city": ident.get("city"),
            "province": ident.get("province"),
            "report_year": ident.get("report_year"),
            "doc_type": ident.get("doc_type"),
            "county_source": ident.get("county_source"),
            "year_source": ident.get("year_source"),
            "anonymised": ident.get("anonymised"),
            "title": ident.get("title"),
            "n_chars": len(self.text) if self.status == "ok" else None,
        }

    def facts_frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.fact_records())
        ident = self.identity
        frame.insert(0, "fact_id", _fact_ids(self.doc_id, frame))
        frame.insert(1, "doc_id", self.doc_id)
        frame.insert(2, "source_file", self.source_file)
        # Each fact's own county (pipeline.attribution: an article covering several counties).
        own = {col: frame.pop(col) if col in frame else None for col in ("county", "city", "province")}
        several = ident.get("county_source") == "several"
        for position, col in ((3, "county"), (4, "province")):
            value = ident.get(col) if not several else None
            column = own[col] if own[col] is not None else pd.Series(value, index=frame.index, dtype=object)
            frame.insert(position, col, column.where(column.notna(), value))
        frame.insert(5, "report_year", ident.get("report_year"))
        if "basis" not in frame:
            frame["basis"] = None  # facts recorded before the basis column existed
        frame["corrected"] = None
        return frame


def _fact_ids(doc_id: str, frame: pd.DataFrame) -> list[str]:
    """doc_id:value_start:indicator:measure; a figure shared by several counties (甲县、乙县均增长5%)
    is one row per county, told apart by the county's name."""
    ids = pd.Series([f"{doc_id}:{start}:{indicator}:{measure}"
                     for start, indicator, measure in zip(frame["value_start"], frame["indicator"], frame["measure"])],
                    index=frame.index, dtype=object)
    shared = ids.duplicated(keep=False)
    if shared.any() and "county" in frame:
        ids[shared] = ids[shared] + ":" + frame.loc[shared, "county"].fillna("").astype(str)
    return list(ids)


def scan_raw_dir(raw_dir: Path) -> list[Path]:
    """Every regular file below the raw directory, except hidden ones and the manifest."""
    files = []
    for path in sorted(raw_dir.rglob("*")):
        relative = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in relative.parts) or path.name in RAW_IGNORED:
            continue
        if path.is_file() and not path.is_symlink():
            files.append(path)
    return files


def process_file(path: Path, raw_dir: Path, cache_dir: Path, force: bool = False) -> DocResult:
    """Never raises: a file that cannot be processed comes back rejected with a reason."""
    return _process(path, raw_dir, cache_dir, force, only_cached=False)


def process_held(path: Path, raw_dir: Path, cache_dir: Path, force: bool = False) -> DocResult:
    """``process_file(...).hold(intern=False)``, held once, for a worker to send back (its words
    are interned where it is received): a new result is stored in the cache as it is returned,
    instead of the cache holding a copy (≈ 1 ms a report, a third of it the partial decoded
    twice), and a cached one is returned as stored."""
    return _process(path, raw_dir, cache_dir, force, only_cached=False, held=True)


def cached_result(path: Path, raw_dir: Path, cache_dir: Path, hash_of=None, reviews: dict | None = None) -> DocResult | None:
    """The file's cached result, or None when it must be processed (``process_file``).

    Cheap (a hash and a pickle read): the build looks every file up in its own process and
    sends only the others to worker processes, so an unchanged file never crosses a pipe.
    ``hash_of``: the file's sha256 from elsewhere (``file_hashes.FileHashes.sha256``);
    ``reviews``: ``load_reviews()``, read once by a caller looking up many files."""
    return _process(path, raw_dir, cache_dir, False, only_cached=True, hash_of=hash_of, reviews=reviews)


def _process(path: Path, raw_dir: Path, cache_dir: Path, force: bool, only_cached: bool,
             hash_of=None, reviews: dict | None = None, held: bool = False) -> DocResult | None:
    source_file, name_warning = source_name(path, raw_dir)
    try:
        sha = (hash_of or file_sha256)(path)
    except OSError as exc:
        if only_cached:
            return None
        return DocResult(source_file, hashlib.sha256(source_file.encode()).hexdigest(), "rejected",
                         f"无法读取文件：{exc.strerror or exc}", warnings=_listed(name_warning))
    from pipeline.identify.review import load_reviews

    review = (load_reviews() if reviews is None else reviews).get(sha[:16])
    key = cache_key(sha, source_file, review)
    cached = None if force else _load_cached(cache_dir, key)
    if cached is not None and not (only_cached or held):  # process_file's callers read the facts as records
        cached.facts, cached.packed_facts = cached.fact_records(), None
    if cached is not None:
        cached.source_file = source_file
        cached.from_cache = True
        cached.cache_key = key
    elif only_cached:
        return None
    else:
        cached = _process_uncached(path, source_file, sha, review)
        cached.cache_key = key
        store_cached(cache_dir, key, cached.hold(intern=False) if held else _held_copy(cached))
        if cached.boundaries is not None:
            store_boundaries(cache_dir, key, cached)
    # The name is not part of the cached content: the same bytes may arrive under another name.
    cached.warnings = _listed(name_warning) + [w for w in cached.warnings if w != name_warning]
    return cached


def source_name(path: Path, raw_dir: Path) -> tuple[str, str | None]:
    """The file's path below the raw directory as text, and a note when its bytes were not UTF-8.

    Unzipping a Windows archive leaves GBK-encoded names, which Python holds as lone
    surrogates that no table or JSON file can store. Fallback, in order: the bytes as
    UTF-8; as GB18030 (a superset of GBK, what such archives use); else UTF-8 with each
    undecodable byte replaced by U+FFFD, so the name is still unique enough to show.
    """
    relative = path.relative_to(raw_dir).as_posix()
    try:
        relative.encode("utf-8")
        return relative, None
    except UnicodeEncodeError:
        raw = os.fsencode(relative)
    try:
        return raw.decode("gb18030"), "文件名不是 UTF-8 编码，已按 GB18030（GBK）解读"
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace"), "文件名编码无法识别，无法解读的字节显示为 �"


def _listed(warning: str | None) -> list[str]:
    return [warning] if warning else []


def _process_uncached(path: Path, source_file: str, sha: str, review: dict | None = None) -> DocResult:
    from pipeline.identify import identify_document
    from pipeline.identify.review import apply_review
    from pipeline.ingest import RejectedInput, read_document
    from pipeline.normalise import normalise_text
    from pipeline.partials import boundaries_of, document_partial
    from pipeline.segment import segment_arrays

    try:
        ingested = read_document(path)
        text = normalise_text(ingested.text)
        if len(text.strip()) < settings.MIN_TEXT_CHARS:
            raise RejectedInput("清理后几乎没有正文（不足 %d 字）" % settings.MIN_TEXT_CHARS)
        identity = apply_review(identify_document(text, source_file, ingested.html_title), review)
        facts = extract_facts(text, identity)
        words, starts = segment_arrays(text)
        vocab = document_partial(text, words, starts)
    except RejectedInput as exc:
        return DocResult(source_file, sha, "rejected", _one_line(str(exc)))
    except OSError as exc:  # gone or unreadable since the scan (a drop still being copied, a permission)
        return DocResult(source_file, sha, "rejected", _one_line(f"无法读取文件：{exc.strerror or exc}"))
    except Exception as exc:  # one bad file must never stop the build
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return DocResult(source_file, sha, "rejected", _one_line(f"处理失败（内部错误：{detail}）"))
    return DocResult(
        source_file,
        sha,
        "ok",
        identity=_identity_dict(identity),
        text=text,
        facts=facts,
        vocab=vocab,
        boundaries=boundaries_of(words, starts),
        warnings=list(getattr(ingested, "notes", ())),
    )


def _identity_dict(identity) -> dict:
    names = ("county", "city", "province", "report_year", "doc_type", "anonymised", "title",
             "delivered_year", "delivered_month", "county_source", "year_source", "county_as_written")
    return {name: getattr(identity, name, None) for name in names}


def extract_facts(text: str, identity) -> list[dict]:
    """The document's facts as plain records: ``extract.extract_indicators``, then
    ``attribution.attribute_counties``, as ``_records`` of the frame they give.

    Most documents need neither frame (no repeated key, no table row, one county): their rows
    are made records directly, typed as the frame would type them (``_records_of_rows``),
    which saves building, copying and reading back a DataFrame per document."""
    from pipeline.attribution import PLACE_COLUMNS, attribute_counties
    from pipeline.extract.document import extract_rows, rows_are_facts, rows_frame

    rows, doc = extract_rows(text, identity)
    places = {column: getattr(identity, column, None) for column in PLACE_COLUMNS}
    if rows_are_facts(rows, doc) and not getattr(identity, "counties", ()) and _plain_values(rows, places):
        return _records_of_rows(rows, places)
    return _records(attribute_counties(rows_frame(rows, doc), text, identity))


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def _plain_values(rows: list[dict], places: dict) -> bool:
    """Only the Python types whose frame typing ``_records_of_rows`` knows (no numpy scalars)."""
    return all(set(map(type, row.values())) <= _PLAIN_TYPES for row in rows) \
        and set(map(type, places.values())) <= _PLAIN_TYPES


def _records_of_rows(rows: list[dict], places: dict) -> list[dict]:
    """``_records(pd.DataFrame(rows, columns=FACT_COLUMNS))`` with ``places`` added to every row,
    without the frame: each column typed as pandas infers it (ints with a gap become floats,
    ints mixed with floats become floats, a gap is None; tests hold the two equal)."""
    from pipeline.extract import FACT_COLUMNS

    columns = {name: _as_frame_column([row.get(name) for row in rows]) for name in FACT_COLUMNS}
    for name, value in places.items():
        columns[name] = [None if type(value) is float and value != value else value] * len(rows)
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def _as_frame_column(values: list) -> list:
    present = [v for v in values if not (v is None or (type(v) is float and v != v))]
    types = set(map(type, present))
    if types and types <= {int, float}:
        if types == {int} and len(present) == len(values):
            return values  # int64, read back as ints
        return [None if v is None or v != v else float(v) for v in values]  # float64 with NaN
    if types <= {str, bool}:
        return [None if v is None or v != v else v for v in values]  # str, bool or object columns
    return [None if type(v) is float and v != v else v for v in values]  # mixed: an object column


def _records(frame: pd.DataFrame) -> list[dict]:
    """Plain JSON-able records: NaN becomes None, numpy scalars become Python ones."""
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _plain(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def warm_up() -> None:
    """Import the stages and load their vocabularies once, before worker processes fork."""
    from pipeline import attribution, extract, identify, ingest, keywords, normalise, partials, segment  # noqa: F401
    from pipeline.identify import divisions, review  # noqa: F401

    import docx  # noqa: F401 - python-docx, imported by ingest.read_docx on the first .docx

    extract.load_vocabulary()
    # The C++ engine, from its cache when the dictionaries are unchanged (jieba's own tokenizer
    # is then never built: ~2 s); the tokenizer only where the package is missing.
    if segment.get_engine() is None:
        segment.get_tokenizer()
    identify.admin_divisions()
    divisions.matcher()  # the county-name automaton
    divisions.name_tables()  # and its pre-filter's tables
    normalise.chrome_patterns()
    normalise.traditional_share("乡村振兴")  # loads the OpenCC tables
    # The vocabulary partial's word lists and jieba's part-of-speech tags (~1 s, once per
    # process): loaded here, each worker would otherwise load them on its first report.
    keywords.count_terms(["乡村振兴"])
    # The slogan checks' dictionaries: the build's slogan stage runs its jobs in these workers.
    from pipeline.slogans import classify

    classify.load_dictionaries()
    code_fingerprint()


def _one_line(message: str) -> str:
    # Messages may quote a file name with undecodable bytes: keep them storable as UTF-8.
    message = message.encode("utf-8", "replace").decode("utf-8")
    return " ".join(message.split())[:300]


def _load_cached(cache_dir: Path, key: str) -> DocResult | None:
    data = load_cached(cache_dir, key)
    try:
        return DocResult(**data) if data is not None else None
    except TypeError:  # an entry of another shape: extract again
        return None


def _held_copy(result: DocResult) -> DocResult:
    return DocResult(result.source_file, result.sha256, result.status, result.error, result.identity, result.text,
                     result.facts, result.vocab, warnings=result.warnings).hold(intern=False)
