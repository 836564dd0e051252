"""Audit for overfitting: literal strings of the extraction rules that only one corpus document holds.

    python -m bench.overfit_audit [--corpus DIR] [--all]

Every string constant (docstrings excluded) of ``pipeline/extract``, ``pipeline/identify``
and ``pipeline/normalise`` is cut into its literal Han runs of two or more characters
(character classes ``[…]`` and group syntax dropped, alternatives split at ``|``). Each run
is looked up in the normalised texts of ``../shared/corpus`` (skipped when absent) and in
the test modules under ``tests/``. A run found in exactly one corpus document and in no
test is printed with that document and the rule's file and line: a rule that may have been
written for that one page. ``--all`` lists every run with its counts.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

from bench import corpus_gold

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline/extract", "pipeline/identify", "pipeline/normalise")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")


def literals(path: Path) -> list[tuple[str, int]]:
    """(Han run, line) for every string constant of a module, docstrings excluded."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = CHAR_CLASS.sub("|", node.value)
            out += [(run, node.lineno) for run in HAN_RUN.findall(text)]
    return out


def rule_literals() -> dict[str, list[str]]:
    """Han run -> the places (file:line) that spell it."""
    places: dict[str, list[str]] = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).glob("*.py")):
            for run, line in literals(path):
                places.setdefault(run, []).append(f"{path.relative_to(REPO)}:{line}")
    return places


def corpus_texts(corpus_dir: Path) -> dict[str, str]:
    from pipeline.ingest import read_document
    from pipeline.normalise import normalise_text

    return {p.name: normalise_text(read_document(p).text) for p in sorted((corpus_dir / "texts").glob("*.txt"))}


def test_text() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted((REPO / "tests").rglob("*.py")))


def audit(corpus_dir: Path) -> list[dict]:
    texts = corpus_texts(corpus_dir)
    tests = test_text()
    rows = []
    for run, where in sorted(rule_literals().items()):
        docs = [name for name, text in texts.items() if run in text]
        rows.append({"literal": run, "docs": docs, "in_tests": tests.count(run), "where": where})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(corpus_gold.DEFAULT_CORPUS))
    parser.add_argument("--all", action="store_true", help="every literal with its counts")
    args = parser.parse_args(argv)
    corpus_dir = Path(args.corpus)
    if not corpus_gold.available(corpus_dir):
        print(f"(real corpus not found at {corpus_dir}: skipped)")
        return 0
    rows = audit(corpus_dir)
    flagged = [r for r in rows if len(r["docs"]) == 1 and not r["in_tests"]]
    shown = rows if args.all else flagged
    print(f"{len(rows)} literals; {len(flagged)} in exactly one corpus document and in no test")
    for r in shown:
        print(f"{r['literal']}\tdocs={len(r['docs'])}\ttests={r['in_tests']}\t{','.join(r['docs'][:3])}\t{' '.join(r['where'][:3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
