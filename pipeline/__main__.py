"""Command line: ``python -m pipeline build [--raw DIR] [--out DIR] [--workers N] [--force]``
and ``python -m pipeline watch [--raw DIR] [--out DIR] [--debounce S]`` (see pipeline/watch.py).

``--status FILE`` (used by the app, which runs builds in this separate process so that a
heavy build never inflates the Streamlit server) keeps a small JSON file up to date with
the build's state, progress and result; see ``dashboard/rebuild.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from pipeline import contracts, settings
from pipeline.build import BuildError, BuildSummary, run_build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description="县情看板：从报告文件构建数据表")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="read every report file and write the tables")
    build.add_argument("--raw", type=Path, default=None, help=f"report files (default {settings.raw_dir()})")
    build.add_argument("--out", type=Path, default=None, help=f"tables (default {settings.processed_dir()})")
    build.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                       help="parallel processes for reading and extraction")
    build.add_argument("--force", action="store_true", help="ignore the cache and re-extract every file")
    build.add_argument("--status", type=Path, default=None, help="keep a JSON status file (for the app)")
    watch = commands.add_parser("watch", help="rebuild whenever report files land in the raw directory")
    watch.add_argument("--raw", type=Path, default=None, help=f"report files (default {settings.raw_dir()})")
    watch.add_argument("--out", type=Path, default=None, help=f"tables (default {settings.processed_dir()})")
    watch.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    watch.add_argument("--debounce", type=float, default=5.0, help="seconds without changes before a build")
    watch.add_argument("--interval", type=float, default=1.0, help="seconds between scans of the raw directory")
    args = parser.parse_args(argv)
    if args.command == "watch":
        from pipeline import watch as watcher

        return watcher.main(args.raw, args.out, max(1, args.workers), args.debounce, args.interval)

    status = StatusFile(args.status) if args.status else None
    progress = status if status else (_progress_bar() if sys.stderr.isatty() else None)
    try:
        summary = run_build(args.raw, args.out, workers=max(1, args.workers), force=args.force,
                            progress=progress)
    except (BuildError, contracts.ContractError, OSError) as exc:
        print(f"构建失败：{exc}", file=sys.stderr)
        if status:
            status.finish("failed", error=str(exc))
        return 1
    except BaseException as exc:
        if status:
            status.finish("failed", error=f"内部错误：{type(exc).__name__}: {exc}")
        raise
    finally:
        if progress is not None and not status:
            progress.close()
    print(format_summary(summary))
    if status:
        status.finish("done", summary=_summary_dict(summary))
    return 0


class StatusFile:
    """The build's state for another process to read: running → done | failed, written atomically."""

    MIN_INTERVAL = 0.3  # seconds between progress writes

    def __init__(self, path: Path):
        self.path = Path(path)
        self.state = {"state": "running", "pid": os.getpid(), "started_at": time.time(), "done": 0, "total": 0,
                      "current": "", "stage": "", "stages_done": []}
        self._written = 0.0
        self._write()

    def __call__(self, done: int, total: int, current: str) -> None:
        self.state.update(done=done, total=total, current=current)
        if time.monotonic() - self._written >= self.MIN_INTERVAL or done == total:
            self._write()

    def stage(self, name: str) -> None:
        """A build stage begins (``pipeline.build.STAGES``): written at once, stages are few."""
        if self.state["stage"]:
            self.state["stages_done"].append(self.state["stage"])
        self.state["stage"] = name
        self._write()

    def finish(self, state: str, **fields) -> None:
        self.state.update(state=state, finished_at=time.time(), **fields)
        self._write()

    def _write(self) -> None:
        from pipeline.publish import write_atomic

        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(self.state, ensure_ascii=False))
        self._written = time.monotonic()


def _summary_dict(summary: BuildSummary) -> dict:
    return {
        "build_id": summary.build_id, "ok": summary.ok, "rejected": summary.rejected,
        "duplicate": summary.duplicate, "unchanged": summary.unchanged, "facts": summary.facts,
        "seconds": round(summary.seconds, 1), "warnings": len(summary.warnings), "conflicts": len(summary.conflicts),
    }


def format_summary(summary: BuildSummary) -> str:
    lines = [
        f"files ok {summary.ok} / rejected {summary.rejected} / duplicate {summary.duplicate} "
        f"/ unchanged {summary.unchanged}; facts extracted {summary.facts}; {summary.seconds:.1f} s "
        f"(build {summary.build_id})",
    ]
    lines += [f"  rejected {name}: {why}" for name, why in summary.rejections]
    lines += [f"  warning: {message}" for message in summary.warnings]
    lines += [f"  conflict: {message}" for message in summary.conflicts]
    return "\n".join(lines)


class _progress_bar:
    """tqdm on a terminal; a build started from the app passes its own callback instead."""

    def __init__(self):
        from tqdm import tqdm

        self._tqdm = tqdm
        self.bar = None

    def __call__(self, done: int, total: int, current: str) -> None:
        if self.bar is None:
            self.bar = self._tqdm(total=total, unit="file", desc="reading reports")
        self.bar.set_postfix_str(current[-40:], refresh=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


if __name__ == "__main__":
    sys.exit(main())
