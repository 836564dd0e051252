"""The build's worker pool: jobs reach the workers as given, and shipping them leaves the
build's own strings as they were."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from pipeline.workers import BuildPool, _Shipped


def _echo(job):
    return job


def test_jobs_arrive_as_given():
    jobs = [("甲县乡村振兴", Path("/tmp/x"), 3, None), "共同富裕\ud800", ("ascii", b"bytes"), 7, ["列表"]]
    with BuildPool(2) as pool:
        assert list(pool.map(_echo, jobs, chunksize=2)) == jobs
    for job in jobs:
        assert pickle.loads(pickle.dumps(_Shipped(job))) == job


def test_shipping_a_text_does_not_grow_it():
    # CPython's pickler keeps a str's UTF-8 form on it (PyUnicode_AsUTF8AndSize); shipped
    # as bytes, the build's texts keep their size.
    text = "乡村振兴战略全面推进" * 2000
    size = sys.getsizeof(text)
    pickle.dumps(_Shipped(("doc", text)))
    assert sys.getsizeof(text) == size
    pickle.dumps(("doc", text))
    assert sys.getsizeof(text) > size  # what the wrapper avoids
