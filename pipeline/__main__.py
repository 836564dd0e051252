"""Command line: ``python -m pipeline build [--raw DIR] [--out DIR] [--workers N] [--force]``."""

from __future__ import annotations

import argparse
import os
import sys
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
    args = parser.parse_args(argv)

    progress = _progress_bar() if sys.stderr.isatty() else None
    try:
        summary = run_build(args.raw, args.out, workers=max(1, args.workers), force=args.force,
                            progress=progress)
    except (BuildError, contracts.ContractError, OSError) as exc:
        print(f"构建失败：{exc}", file=sys.stderr)
        return 1
    finally:
        if progress is not None:
            progress.close()
    print(format_summary(summary))
    return 0


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
