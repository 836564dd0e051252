"""The app on two builds: each page's first render and the server's peak memory, as ratios.

    python -m bench.app_speed SMALL_OUT LARGE_OUT [--repeat 2]

``SMALL_OUT`` and ``LARGE_OUT`` are build output directories (``python -m pipeline build
--out DIR``; ``bench.scale --keep DIR`` leaves one in ``DIR/out``), for example of 100 and
of 1,000 reports. For each, the app is started (``streamlit run dashboard/app.py``, its own
process), every page is opened in headless Chromium at 1920x1080 in a fresh browser
context, and the time from the request to the rendered page (the script finished, no
skeleton left, the same test the browser tests use) is taken; then the server's peak
resident memory (``VmHWM``). The first page of a server pays the loading of the tables:
the figure issue 11 asks for ("each page's first render"). Prints absolute seconds and
large / small ratios, in wall seconds and in the server's CPU seconds during each render (the
figure to trust on a shared machine: wall seconds include waiting for a core).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.measure import machine_line

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PAGES = ("cockpit", "compare", "targets", "vocabulary", "data")
# The default page (the cockpit) lives at the root: Streamlit serves a default page at "/" only,
# and "/cockpit" flashes its "page not found" dialog before falling back to it.
PATHS = {"cockpit": ""}
RENDERED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && document.querySelector('h1') && !document.querySelector('[data-testid="stSkeleton"]');
}"""


@contextlib.contextmanager
def running_app(out_dir: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, COUNTY_PULSE_PROCESSED=str(out_dir))
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
           "--server.headless", "true", "--server.address", "127.0.0.1"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("streamlit did not start")
            time.sleep(0.3)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of the server so far (/proc/PID/stat, clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(browser, out_dir: Path) -> tuple[dict[str, tuple[float, float]], float]:
    """First render per page (a new server, pages in order): wall seconds in the browser and the
    server's CPU seconds meanwhile (what other jobs on the machine do not inflate); peak MB."""
    seconds = {}
    with running_app(out_dir) as (base, pid):
        for page_name in PAGES:
            context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
            page = context.new_page()
            started, cpu = time.perf_counter(), cpu_seconds(pid)
            page.goto(f"{base}/{PATHS.get(page_name, page_name)}", wait_until="domcontentloaded")
            page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=300000)
            page.wait_for_function(RENDERED, timeout=300000)
            seconds[page_name] = (time.perf_counter() - started, cpu_seconds(pid) - cpu)
            context.close()
        return seconds, peak_mb(pid)


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small", type=Path)
    parser.add_argument("large", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="servers started per build (fastest kept)")
    args = parser.parse_args(argv)
    print(machine_line())
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for label, out in (("small", args.small), ("large", args.large)):
            runs = [measure(browser, out) for _ in range(args.repeat)]
            results[label] = ({name: min(r[0][name] for r in runs) for name in PAGES}, min(r[1] for r in runs))
        browser.close()
    print(f"after: {machine_line().split('; ')[-1]}")
    print(f"{'page':<12} {'small s':>8} {'large s':>8} {'ratio':>7}   {'small CPU':>9} {'large CPU':>9} {'ratio':>7}")
    for name in PAGES:
        (small, small_cpu), (large, large_cpu) = results["small"][0][name], results["large"][0][name]
        print(f"{name:<12} {small:8.2f} {large:8.2f} {large / small:6.2f}x   {small_cpu:9.2f} {large_cpu:9.2f} "
              f"{large_cpu / small_cpu if small_cpu else float('nan'):6.2f}x")
    small_mb, large_mb = results["small"][1], results["large"][1]
    print(f"server peak memory: small {small_mb:.0f} MB, large {large_mb:.0f} MB ({large_mb / small_mb:.2f}x)")


if __name__ == "__main__":
    main()
