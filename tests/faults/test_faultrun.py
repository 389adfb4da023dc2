"""The short fault run (the full one: ``python -m sitrep.runtime.faultrun --chunks 20000``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.runtime.faultrun import SERVICES, run_faults

pytestmark = [pytest.mark.faults, pytest.mark.redis, pytest.mark.slow]


@pytest.mark.timeout(280)
async def test_short_fault_run_loses_and_doubles_nothing(tmp_path: Path) -> None:
    """~2,000 chunks while 10 service processes (each kind twice or more) are kill -9'd
    and the server is kill -9'd and restarted once: the event set equals the fault-free
    run's, with no loss, no duplicate and no dead letter."""
    report = await run_faults(2000, kills=10, spread_s=25, timeout=150, workdir=tmp_path)
    print(report.render())
    assert report.chunks_in >= 2000
    assert len(report.kills) == 10
    assert all(sum(s == kind for s, _ in report.kills) >= 2 for kind in SERVICES)
    assert len(report.redis_restarts) == 1
    assert report.baseline_events > 0
    assert (report.lost, report.duplicated, report.unexpected, report.differing) == (0, 0, 0, 0)
    assert not report.dead_letters
    assert report.outcomes == 0
