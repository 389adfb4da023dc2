"""End to end through deploy/compose.yaml: seed in, events out, one extractor replica killed."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import orjson
import pytest

from sitrep.schemas import Event
from sitrep.streams import PAYLOAD_FIELD, Streams

from .conftest import Compose, docker_cli

pytestmark = [pytest.mark.docker, pytest.mark.slow, pytest.mark.timeout(1800)]

NAMES = Streams("sitrep")  # the compose file's default STREAM_PREFIX
#: Short, so the surviving replica reclaims the killed one's entries within seconds.
CLAIM_IDLE_MS = "1500"
SERVICES = ("entities", "casualties", "places", "merger")
_PRODUCED = re.compile(r"^([0-9A-Za-z_-]+)\t\d+ chunks\t", re.MULTILINE)


def _wait(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


def _up(project: Compose, places: int) -> None:
    """Start the stack and wait until every service container reports healthy."""
    project.run("up", "-d", "--scale", f"places={places}")

    def healthy() -> bool:
        ids = [i for s in SERVICES for i in project.container_ids(s)]
        if len(ids) != len(SERVICES) - 1 + places:
            return False
        states = docker_cli("inspect", "-f", "{{.State.Health.Status}}", *ids).split()
        return all(s == "healthy" for s in states)

    try:
        _wait(healthy, 90, "healthy services")
    except BaseException:
        print(project.logs())  # noqa: T201 - shown by pytest on failure
        raise


def _produce(project: Compose) -> list[str]:
    """Publish seeds/ with the one-shot producer service; return the document ids."""
    out = project.run("run", "--rm", "-T", "producer")
    ids = _PRODUCED.findall(out)
    assert ids, out
    return ids


def _events_via_redis_cli(project: Compose) -> list[dict[str, object]]:
    """Read the output stream with redis-cli inside the Redis container and parse its JSON."""
    lines = project.redis_cli("XRANGE", NAMES.events, "-", "+")
    payloads = [lines[i + 1] for i, line in enumerate(lines[:-1]) if line == PAYLOAD_FIELD]
    return [orjson.loads(p) for p in payloads]


def _emitted(project: Compose, ids: list[str]) -> bool:
    out = project.redis_cli("EXISTS", *(NAMES.emitted_key(i) for i in ids))
    return out == [str(len(ids))]


def _canonical(events: list[dict[str, object]]) -> list[bytes]:
    return sorted(orjson.dumps(e, option=orjson.OPT_SORT_KEYS) for e in events)


def _consumers(project: Compose, group: str) -> dict[str, int]:
    """Consumer name -> pending count of ``group`` on the chunk stream."""
    lines = project.redis_cli("XINFO", "CONSUMERS", NAMES.chunks, group)
    out, i = {}, 0
    while i < len(lines) - 3:
        if lines[i] == "name" and lines[i + 2] == "pending":
            out[lines[i + 1]] = int(lines[i + 3])
        i += 1
    return out


def _consumer_name(container: str, service: str) -> str:
    """The consumer name the service in ``container`` reads as.

    Taken from its "service started" log line when it logs one (``consumer`` field);
    otherwise the default of sitrep.runtime.consumer.consumer_name: service-host-pid,
    where the service is PID 1 of its container (exec-form entrypoint, no init).
    Redis lists a consumer only after its first non-empty read, so XINFO cannot tell yet.
    """
    logs = docker_cli("logs", container)
    for line in reversed(logs.splitlines()):
        if '"consumer"' in line:
            try:
                name = orjson.loads(line).get("consumer")
            except orjson.JSONDecodeError:
                continue
            if isinstance(name, str) and name:
                return name
    host = docker_cli("inspect", "-f", "{{.Config.Hostname}}", container).strip()
    return f"{service}-{host}-1"


def test_compose_stack_survives_killing_a_places_replica(
    compose_projects: Callable[..., Compose],
) -> None:
    """With places at 2 replicas and one killed while it holds unacknowledged chunks, the events equal a fault-free run's."""
    started = time.monotonic()

    # Fault-free reference run: one replica per service.
    reference = compose_projects(CLAIM_IDLE_MS=CLAIM_IDLE_MS)
    _up(reference, places=1)
    ref_ids = _produce(reference)
    _wait(lambda: _emitted(reference, ref_ids), 120, "the reference run's events")
    expected = _events_via_redis_cli(reference)
    assert expected
    for event in expected:  # plain JSON a non-Python client read is the public contract
        Event.model_validate(event)
    reference.down()
    reference_s = time.monotonic() - started

    # Faulty run: places scaled to 2; one replica dies holding chunks it has read.
    faulty = compose_projects(CLAIM_IDLE_MS=CLAIM_IDLE_MS)
    _up(faulty, places=2)
    survivor, victim = faulty.container_ids("places")
    group = NAMES.group("places")
    victim_name = _consumer_name(victim, "places")
    # Freeze both replicas, publish, then read two chunks AS the victim (so they sit in
    # its pending list, exactly as if it had read them) and kill it mid-work.
    for cid in (survivor, victim):
        docker_cli("kill", "--signal", "STOP", cid)
    try:
        ids = _produce(faulty)
        claimed = faulty.redis_cli(
            "XREADGROUP", "GROUP", group, victim_name, "COUNT", "2", "STREAMS", NAMES.chunks, ">"
        )
        assert claimed, "no chunk was left for the victim to hold"
        assert _consumers(faulty, group)[victim_name] == 2
        docker_cli("kill", victim)
    finally:
        docker_cli("kill", "--signal", "CONT", survivor, check=False)
    assert faulty.container_ids("places") == [survivor]  # killed, and not restarted

    _wait(lambda: _emitted(faulty, ids), 120, "the faulty run's events")
    _wait(lambda: _consumers(faulty, group).get(victim_name) == 0, 60, "the victim's chunks reclaimed")
    got = _events_via_redis_cli(faulty)
    assert _canonical(got) == _canonical(expected)
    assert faulty.redis_cli("XLEN", NAMES.dead_letters) == ["0"]
    print(  # noqa: T201 - the duration is part of the deployment report
        f"\n[docker] compose e2e: reference {reference_s:.1f}s, "
        f"total {time.monotonic() - started:.1f}s, {len(got)} events"
    )
