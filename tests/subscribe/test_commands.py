"""`sitrep events|report|asyncapi` against a real server, as a subscriber runs them."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from redis import Redis
from typer.testing import CliRunner

from sitrep.schemas import Event
from sitrep.streams import PAYLOAD_FIELD, Streams
from sitrep.subscribe.commands import register
from sitrep.subscribe.exports import CSV_COLUMNS

pytestmark = pytest.mark.redis

app = typer.Typer()
register(app)


# Entry ids one millisecond apart for tests that publish to several partitions and
# check the merged order: "*" ids of two streams written in the same millisecond are
# equal (ms-0), and the reader then orders them by partition, not by publish time.
_DISTINCT_MS = itertools.count(int(time.time() * 1000))


def _publish(url: str, names: Streams, events: list[Event], *, distinct_ms: bool = False) -> list[str]:
    """XADD events exactly as the merger does: fields event_id + payload (plain JSON)."""
    with Redis.from_url(url) as client:
        return [
            client.xadd(
                names.events,
                {"event_id": e.event_id, PAYLOAD_FIELD: e.model_dump_json()},
                id=f"{next(_DISTINCT_MS)}-0" if distinct_ms else "*",
            ).decode()
            for e in events
        ]


def _env(url: str, names: Streams) -> dict[str, str]:
    return {"REDIS_URL": url, "STREAM_PREFIX": names.prefix}


def test_events_jsonl_prints_every_event(
    redis_url: str, names: Streams, invented_events: list[Event]
) -> None:
    """JSON Lines output validates back to the published events, in stream order."""
    _publish(redis_url, names, invented_events)
    result = CliRunner().invoke(app, ["events"], env=_env(redis_url, names))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert [Event.model_validate_json(line) for line in lines] == invented_events


def test_events_csv_and_since(redis_url: str, names: Streams, invented_events: list[Event]) -> None:
    """CSV has the export columns; --since ID lists only entries after ID."""
    ids = _publish(redis_url, names, invented_events)
    result = CliRunner().invoke(
        app, ["events", "--format", "csv", "--since", ids[1]], env=_env(redis_url, names)
    )
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout, newline=""))
    rows = list(reader)
    assert reader.fieldnames == list(CSV_COLUMNS)
    assert [r["event_id"] for r in rows] == [e.event_id for e in invented_events[2:]]


def test_events_geojson_to_file_skips_bad_entries(
    redis_url: str, names: Streams, invented_events: list[Event], tmp_path: Path
) -> None:
    """-o writes a FeatureCollection; an entry that is not an Event is reported, not exported."""
    _publish(redis_url, names, invented_events[:2])
    with Redis.from_url(redis_url) as client:
        client.xadd(names.events, {PAYLOAD_FIELD: b'{"schema_version": "1.0"}'})
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        app, ["events", "--format", "geojson", "-o", str(out)], env=_env(redis_url, names)
    )
    assert result.exit_code == 0, result.output
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == [e.event_id for e in invented_events[:2]]
    assert "skipped" in result.stderr and "not a valid Event" in result.stderr


def test_geojson_refuses_follow(redis_url: str, names: Streams) -> None:
    """--follow with GeoJSON (a single document) is a usage error, not a hang."""
    result = CliRunner().invoke(
        app, ["events", "--format", "geojson", "--follow"], env=_env(redis_url, names)
    )
    assert result.exit_code == 2
    assert "--follow" in result.stderr


def test_events_follow_prints_new_entries(
    redis_url: str, names: Streams, invented_events: list[Event]
) -> None:
    """With --follow the command keeps running and prints events published after it started."""
    _publish(redis_url, names, invented_events[:1])
    proc = subprocess.Popen(  # noqa: S603 - our own CLI
        [sys.executable, "-c", "from sitrep.cli import main; main()", "events", "--follow",
         "--format", "csv"],  # fmt: skip
        env={**os.environ, **_env(redis_url, names)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        header = proc.stdout.readline()
        assert header.strip().split(",") == list(CSV_COLUMNS)
        assert proc.stdout.readline().startswith(invented_events[0].event_id)
        time.sleep(0.3)
        _publish(redis_url, names, invented_events[1:3])
        got = [proc.stdout.readline().split(",", 1)[0] for _ in range(2)]
        assert got == [e.event_id for e in invented_events[1:3]]
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(10)


def test_report_from_stream_and_from_jsonl_agree(
    redis_url: str, names: Streams, invented_events: list[Event], tmp_path: Path
) -> None:
    """The report reads the stream (REDIS_URL) or a JSONL file; both give the same page."""
    _publish(redis_url, names, invented_events)
    jsonl = tmp_path / "events.jsonl"
    jsonl.write_text("".join(e.model_dump_json() + "\n" for e in invented_events), encoding="utf-8")
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    env = _env(redis_url, names)
    assert CliRunner().invoke(app, ["report", "-o", str(a)], env=env).exit_code == 0
    assert CliRunner().invoke(app, ["report", "--from-jsonl", str(jsonl), "-o", str(b)]).exit_code == 0
    page = a.read_text(encoding="utf-8")
    assert page == b.read_text(encoding="utf-8")
    assert page.count('<tr id="row-') == len(invented_events)


def test_report_rejects_a_bad_jsonl_file(tmp_path: Path) -> None:
    """A JSONL line that is not an Event fails with its file and line number."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema_version": "1.0"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "--from-jsonl", str(bad), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert f"{bad}:1" in result.stderr


def test_asyncapi_check_detects_drift(tmp_path: Path) -> None:
    """`sitrep asyncapi -o F` writes the document; `--check` passes on it and fails on an edit."""
    out = tmp_path / "asyncapi.json"
    assert CliRunner().invoke(app, ["asyncapi", "-o", str(out)]).exit_code == 0
    assert CliRunner().invoke(app, ["asyncapi", "-o", str(out), "--check"]).exit_code == 0
    out.write_text(out.read_text(encoding="utf-8").replace("sitrep:events", "x:events"), encoding="utf-8")
    assert CliRunner().invoke(app, ["asyncapi", "-o", str(out), "--check"]).exit_code == 1


def test_node_subscriber_example_reads_the_stream(
    redis_url: str, names: Streams, invented_events: list[Event]
) -> None:
    """examples/subscriber.js (plain Node, no packages) prints each event's JSON from the stream."""
    node = next((p for p in ("/usr/bin/node", "/usr/local/bin/node") if Path(p).exists()), None)
    if node is None:
        print("SKIP reason: node is not installed")
        pytest.skip("node is not installed")
    ids = _publish(redis_url, names, invented_events)
    script = Path(__file__).resolve().parents[2] / "examples" / "subscriber.js"
    env = {**os.environ, **_env(redis_url, names)}
    full = subprocess.run(  # noqa: S603
        [node, str(script)], env=env, capture_output=True, text=True, timeout=30, check=True
    )
    assert [Event.model_validate_json(line) for line in full.stdout.splitlines()] == invented_events
    after = subprocess.run(  # noqa: S603
        [node, str(script), "--since", ids[0], "--ids"], env=env, capture_output=True, text=True,
        timeout=30, check=True,
    )  # fmt: skip
    assert [line.split("\t", 1)[0] for line in after.stdout.splitlines()] == ids[1:]


def test_events_and_report_read_every_partition(
    redis_url: str, names: Streams, invented_events: list[Event], tmp_path: Path
) -> None:
    """With PARTITIONS=3 the events of all three partition streams come out, in entry
    id (publish) order, and --since applies to every partition."""
    parts = [Streams(names.prefix, p) for p in range(3)]
    ids = []
    for i, event in enumerate(invented_events):  # round robin over the partitions
        ids += _publish(redis_url, parts[i % 3], [event], distinct_ms=True)
    env = {**_env(redis_url, names), "PARTITIONS": "3"}
    result = CliRunner().invoke(app, ["events"], env=env)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert [Event.model_validate_json(line) for line in lines] == invented_events
    assert f"last entry id {ids[-1]}" in result.stderr

    later = CliRunner().invoke(app, ["events", "--since", ids[0]], env=env)
    lines = [line for line in later.stdout.splitlines() if line.startswith("{")]
    assert [Event.model_validate_json(line) for line in lines] == invented_events[1:]

    page = tmp_path / "r.html"
    report = CliRunner().invoke(app, ["report", "--output", str(page)], env=env)
    assert report.exit_code == 0, report.output
    assert f"{len(invented_events)} events" in report.stderr


async def test_following_every_partition_yields_new_events_in_id_order(
    redis_url: str, names: Streams, invented_events: list[Event]
) -> None:
    """Following 3 partitions: events published after the backlog arrive from each."""
    from redis.asyncio import Redis as AsyncRedis  # noqa: PLC0415

    from sitrep.subscribe.reader import stream_all_events  # noqa: PLC0415

    parts = [Streams(names.prefix, p) for p in range(3)]
    _publish(redis_url, parts[0], invented_events[:1], distinct_ms=True)
    seen: list[Event] = []
    client = AsyncRedis.from_url(redis_url)
    try:
        reader = stream_all_events(client, parts, follow=True, block_ms=50)
        seen.append((await anext(reader))[1])
        for i, event in enumerate(invented_events[1:4], 1):
            _publish(redis_url, parts[i % 3], [event], distinct_ms=True)
        while len(seen) < 4:
            seen.append((await asyncio.wait_for(anext(reader), 5))[1])
        await reader.aclose()
    finally:
        await client.aclose()
    assert seen == invented_events[:4]


def test_equal_entry_ids_of_two_partitions_come_out_lower_partition_first(
    redis_url: str, names: Streams, invented_events: list[Event]
) -> None:
    """Two partitions written in the same millisecond get the same id; the merged
    order still is one total order (lower partition first), the same on every read."""
    parts = [Streams(names.prefix, p) for p in range(3)]
    with Redis.from_url(redis_url) as client:
        for part, event in ((2, invented_events[0]), (0, invented_events[1]), (1, invented_events[2])):
            client.xadd(parts[part].events, {"event_id": event.event_id, PAYLOAD_FIELD: event.model_dump_json()},
                        id="1000-0")
    env = {**_env(redis_url, names), "PARTITIONS": "3"}
    for _ in range(2):
        result = CliRunner().invoke(app, ["events"], env=env)
        assert result.exit_code == 0, result.output
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        assert [Event.model_validate_json(line) for line in lines] == [invented_events[i] for i in (1, 2, 0)]
