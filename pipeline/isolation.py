"""Corpus stages that one document must not be able to stop.

Pairing and vocabulary work on all documents at once. When such a stage raises,
``run_isolated`` finds the documents it fails on (halving the set, so a few bad
documents among thousands cost a few dozen reruns, and a build without failures costs
nothing extra), runs the stage without them, and returns their ids with the reason so
the build can note it on each one's row. Only if the stage fails even with every
culprit removed is it given up, and then the caller writes an empty table for it.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from typing import Callable, Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Isolated(Generic[T]):
    result: T | None  # None when the stage failed even without the culprits
    failed: dict[str, str] = field(default_factory=dict)  # doc_id -> one-line reason
    stage_error: str | None = None


def run_isolated(stage: Callable[[list[str]], T], doc_ids: list[str]) -> Isolated[T]:
    """``stage(ids)`` over every id; on failure, over every id but the ones it fails on."""
    try:
        return Isolated(stage(doc_ids))
    except Exception as exc:  # noqa: BLE001 - any failure of a stage is handled the same way
        first = describe(exc)
        log.warning("stage failed on the whole corpus (%s); isolating documents", first)
    failed = _culprits(stage, doc_ids, first)
    rest = [d for d in doc_ids if d not in failed]
    try:
        return Isolated(stage(rest), failed)
    except Exception as exc:  # noqa: BLE001
        return Isolated(None, failed, describe(exc) if failed else first)


def _culprits(stage: Callable[[list[str]], T], failing: list[str], reason: str) -> dict[str, str]:
    """The ids among ``failing`` (a set the stage is known to fail on) that fail alone.

    When two halves each pass but fail together, no single document is to blame and
    nothing is returned: the caller then gives the stage up.
    """
    if len(failing) == 1:
        return {failing[0]: reason}
    middle = len(failing) // 2
    found: dict[str, str] = {}
    for half in (failing[:middle], failing[middle:]):
        try:
            stage(half)
        except Exception as exc:  # noqa: BLE001
            found.update(_culprits(stage, half, describe(exc)))
    return found


def describe(exc: BaseException) -> str:
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return " ".join(detail.split())[:200]
