"""What every reader of ``pipeline.ingest`` shares: the result, the refusal, the size
wording officials read, and the limit on a text's length."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline import settings


class RejectedInput(Exception):
    """A file the pipeline will not read; ``str(exc)`` is the reason, in Chinese."""


@dataclass(frozen=True)
class Ingested:
    text: str
    format: str  # txt | html | docx | pdf
    encoding: str | None
    html_title: str | None
    notes: tuple[str, ...] = ()  # what reading had to repair (replaced bytes, removed NULs), for the row's warning


def megabytes(n_bytes: int) -> str:
    """Sizes as officials read them: one decimal, so 50.4 MB never shows as "50 MB"."""
    size = n_bytes / (1024 * 1024)
    return f"{size:.1f}".removesuffix(".0") if size >= 1 else f"{size:.2f}"


def check_text_length(n_chars: int) -> None:
    if n_chars > settings.MAX_TEXT_CHARS:
        raise RejectedInput(f"正文过长（超过 {n_chars / 10000:.0f} 万字，上限 {settings.MAX_TEXT_CHARS // 10000} 万字），"
                            "不像一份报告；请拆分后再放入")


def one_line(exc: Exception) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:120]
