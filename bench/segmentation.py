"""Segmentation speed: plain ``jieba.lcut`` (global tokenizer, defaults) against ours.

    python -m bench.segmentation [--repeat N] [--rounds R]

Both segment the same texts (every .txt file under the raw directory, repeated N times) in
one run, alternating for R rounds; the best round of each is compared, in CPU seconds of this
process (the machine is shared, so wall-clock timings are noisy). Dictionary loading happens before the clock starts
for both. Ours runs without HMM, with the reviewed user dictionaries, and also returns
character offsets.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time

import jieba

from pipeline import settings
from pipeline.segment import get_tokenizer, segment_document


def load_corpus() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(settings.raw_dir().rglob("*.txt"))]


def _timed(fn) -> tuple[float, object]:
    # CPU time of this process: other jobs on a shared machine inflate wall time, not this.
    started = time.process_time()
    result = fn()
    return time.process_time() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="copies of the corpus per round (default 10)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating timing rounds (default 5)")
    args = parser.parse_args()
    files = load_corpus()
    texts = files * args.repeat
    n_chars = sum(len(t) for t in texts)

    logging.getLogger("jieba").setLevel(logging.WARNING)
    started = time.perf_counter()
    jieba.initialize()  # the global tokenizer's dictionary, loaded before timing
    plain_init = time.perf_counter() - started
    started = time.perf_counter()
    tokenizer = get_tokenizer()
    ours_init = time.perf_counter() - started

    plain_times, ours_times = [], []
    for _ in range(args.rounds):
        seconds, plain = _timed(lambda: [jieba.lcut(t) for t in texts])
        plain_times.append(seconds)
        seconds, ours = _timed(lambda: [segment_document(t, tokenizer) for t in texts])
        ours_times.append(seconds)

    best_plain, best_ours = min(plain_times), min(ours_times)
    print(f"corpus: {len(files)} files x {args.repeat} = {len(texts)} documents, {n_chars:,} characters; {args.rounds} rounds")
    print(f"dictionary load (once per process): jieba global {plain_init:.2f} s, ours {ours_init:.2f} s")
    print(
        f"jieba.lcut (global, HMM on):                  CPU best {best_plain:6.3f} s  median {statistics.median(plain_times):6.3f} s"
        f"  {sum(map(len, plain)):,} tokens"
    )
    print(
        f"pipeline.segment (user dicts, no HMM, offsets): CPU best {best_ours:6.3f} s  median {statistics.median(ours_times):6.3f} s"
        f"  {sum(map(len, ours)):,} tokens"
    )
    print(f"speed: {n_chars / best_ours / 1e6:.2f} M chars/s ours, {n_chars / best_plain / 1e6:.2f} M chars/s jieba.lcut")
    print(f"ratio ours / jieba.lcut (best rounds): {best_ours / best_plain:.2f}  (<= 1.00: at least as fast)")


if __name__ == "__main__":
    main()
