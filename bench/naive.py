"""The naive baseline a full build is compared with: a one-process jieba word count.

    python -m bench.naive RAW_DIR

Reads each file (text files decoded as UTF-8, then GB18030; HTML as its raw text; .docx
through python-docx), ``jieba.lcut`` on each, one ``collections.Counter`` over the corpus,
and prints the 20 most common words of two characters or more. No cleaning, no tables, no
parallelism: what a one-line script gets for free, and what the build must beat.
"""

from __future__ import annotations

import collections
import logging
import sys
from pathlib import Path

import jieba


def read_text(path: Path) -> str:
    if path.suffix.lower() == ".docx":
        from docx import Document

        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def count_words(raw_dir: Path) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for path in sorted(raw_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() in (".txt", ".html", ".htm", ".docx", ".md"):
            counts.update(jieba.lcut(read_text(path)))
    return counts


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    logging.getLogger("jieba").setLevel(logging.WARNING)
    counts = count_words(Path(args[0]))
    top = [(w, c) for w, c in counts.most_common() if len(w) >= 2][:20]
    print(" ".join(f"{w}:{c}" for w, c in top))


if __name__ == "__main__":
    main()
