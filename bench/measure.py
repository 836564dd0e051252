"""Whole-process measurement: wall and CPU seconds, peak memory of one process and of all.

A command runs as a child process. Its CPU time comes from the kernel's accounting of
waited-for children (``getrusage(RUSAGE_CHILDREN)``, which includes the build's worker
processes once it has reaped them); memory is sampled every ``interval`` seconds over the
whole process tree (psutil), summed and per process: a short-lived peak between two
samples can be missed, so the peak figures are lower bounds.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

SAMPLE_INTERVAL = 0.05


@dataclass
class Run:
    label: str
    wall: float
    cpu: float
    peak_total_mb: float  # all processes of the tree together
    peak_process_mb: float  # the largest single process
    returncode: int
    output: str

    def check(self) -> "Run":
        if self.returncode != 0:
            raise RuntimeError(f"{self.label} failed ({self.returncode}):\n{self.output[-2000:]}")
        return self


def run_measured(label: str, command: list[str], cwd: Path | None = None, env: dict | None = None,
                 interval: float = SAMPLE_INTERVAL) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # Output goes to a file, not a pipe: a build of 10,000 reports prints hundreds of conflict
    # lines, and a pipe nobody reads until the end blocks the build on its last print.
    with tempfile.TemporaryFile() as sink:
        process = psutil.Popen(command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
        peak_total = peak_single = 0
        while process.poll() is None:
            total, single = _tree_rss(process)
            peak_total, peak_single = max(peak_total, total), max(peak_single, single)
            time.sleep(interval)
        wall = time.perf_counter() - started
        sink.seek(0)
        output = [sink.read().decode("utf-8", errors="replace")]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest single descendant (kB on Linux): a floor for the samples.
    peak_single = max(peak_single, after.ru_maxrss * 1024 if after.ru_maxrss > before.ru_maxrss else 0)
    return Run(label, wall, cpu, peak_total / 1e6, max(peak_single, 0) / 1e6, process.returncode, "".join(output))


def _tree_rss(process: psutil.Process) -> tuple[int, int]:
    try:
        procs = [process] + process.children(recursive=True)
    except psutil.Error:
        return 0, 0
    sizes = []
    for proc in procs:
        try:
            sizes.append(proc.memory_info().rss)
        except psutil.Error:
            continue
    return sum(sizes), max(sizes, default=0)


def python_command(*args: str) -> list[str]:
    return [sys.executable, *args]


def child_env(**extra: str) -> dict:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    memory = psutil.virtual_memory().total / 2**30
    return (f"machine: {cpu}; {os.cpu_count()} cores; {memory:.0f} GiB; Python {platform.python_version()}; "
            f"load average {load}")
