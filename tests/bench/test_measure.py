"""``bench.measure`` runs a command to its end whatever it prints."""

from __future__ import annotations

from bench.measure import python_command, run_measured


def test_a_command_printing_more_than_a_pipe_holds_still_finishes():
    # 64 KB fill a pipe; a 10,000-report build prints hundreds of conflict lines at its end.
    run = run_measured("loud", python_command("-c", "print('冲突' * 100_000)"), interval=0.01).check()
    assert run.output.strip() == "冲突" * 100_000
