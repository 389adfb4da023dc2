"""The fault run: push N chunks through the real pipeline while killing services and
the server, then compare the events with a fault-free run of the same input.

    python -m sitrep.runtime.faultrun --chunks 20000 --kills 10

Everything runs as local processes: a valkey-server with AOF on (our own, so it can
be kill -9'd and restarted on the same port), and ``sitrep serve NAME`` per service.
The fault-free baseline runs first on the same server under another prefix.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from redis.asyncio import Redis
from redis.exceptions import RedisError

from sitrep.sources import SourceDocument
from sitrep.streams import EXTRACTORS, PAYLOAD_FIELD, Streams

from .embedded import server_binary

__all__ = ["FaultReport", "ServerProcess", "make_documents", "run_faults"]

SERVICES = (*EXTRACTORS, "merger")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """A valkey-server we own: AOF on, fixed port, so it survives kill -9 + restart."""

    def __init__(
        self,
        workdir: Path,
        *,
        port: int | None = None,
        password: str | None = None,
        extra: list[str] | None = None,
    ) -> None:
        self.workdir, self.port, self.password = workdir, port or free_port(), password
        self.extra = extra or []
        self._auth: tuple[str | None, str | None] = (None, password)
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        auth = f"default:{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10, *, user: str | None = None, password: str | None = None) -> None:
        args = [
            str(server_binary()), "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.workdir), "--appendonly", "yes", "--appendfsync", "everysec",
            "--save", "", "--protected-mode", "no",
        ]
        if self.password:
            args += ["--requirepass", self.password]
        args += self.extra
        if user or password:
            self._auth = (user, password)
        log = (self.workdir / "server.log").open("ab")
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", self.port), timeout=0.2
            ):
                # accepting connections; wait until the AOF is loaded (PING answers)
                if self._ping():
                    return
            time.sleep(0.05)
        msg = f"valkey-server did not start on port {self.port}"
        raise RuntimeError(msg)

    def _ping(self) -> bool:
        import redis  # noqa: PLC0415

        try:
            user, password = self._auth
            client = redis.Redis(
                host="127.0.0.1", port=self.port, username=user, password=password, socket_timeout=1
            )
            return bool(client.ping())
        except redis.RedisError:
            return False

    def kill(self) -> None:
        """kill -9: no shutdown, no final save."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


_NUMBER = re.compile(r"\b\d{1,3}\b")


def make_documents(seed: str, count: int, *, rng_seed: int = 7) -> list[SourceDocument]:
    """``count`` distinct seed-like documents: numbers varied, a report id added."""
    rng = random.Random(rng_seed)
    docs = []
    for k in range(count):
        shift = rng.randrange(1, 40)
        text = _NUMBER.sub(lambda m, s=shift: str(int(m.group()) + s), seed)
        text = f"Report {k} (wire {rng.randrange(10**6)}).\n\n{text}"
        docs.append(SourceDocument(text=text, origin=f"fault-{k}", source="faultrun", source_id=str(k)))
    return docs


@dataclass
class Services:
    """``sitrep serve`` processes we can kill -9 and replace (a new consumer name each
    time, like a new container: its dead predecessor's entries must be reclaimed)."""

    url: str
    prefix: str
    workdir: Path
    env: dict[str, str]
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    generation: Counter[str] = field(default_factory=Counter)

    def health_file(self, service: str) -> Path:
        return self.workdir / f"{self.prefix}-{service}-{self.generation[service]}.alive"

    def start(self, service: str) -> None:
        self.generation[service] += 1
        name = f"{service}-g{self.generation[service]}"
        log = (self.workdir / f"{self.prefix}-{service}.log").open("ab")
        self.procs[service] = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "sitrep.cli", "serve", service],
            env={
                **os.environ, **self.env, "REDIS_URL": self.url, "STREAM_PREFIX": self.prefix,
                "CONSUMER_NAME": name, "HEALTH_FILE": str(self.health_file(service)),
            },
            stdout=log, stderr=subprocess.STDOUT,
        )
        self.names[service] = name

    def kill(self, service: str) -> str:
        proc = self.procs[service]
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return self.names[service]

    def check_alive(self) -> None:
        for service, proc in self.procs.items():
            if proc.poll() is not None:
                log = self.workdir / f"{self.prefix}-{service}.log"
                tail = log.read_text(errors="replace")[-2000:]
                msg = f"{service} exited with {proc.returncode}:\n{tail}"
                raise RuntimeError(msg)

    def stop_all(self) -> None:
        from .local import stop_processes  # noqa: PLC0415

        stop_processes(self.procs.values())


@dataclass
class FaultReport:
    chunks_in: int = 0
    documents: int = 0
    events_out: int = 0
    baseline_events: int = 0
    lost: int = 0
    duplicated: int = 0
    unexpected: int = 0
    differing: int = 0
    dead_letters: Counter[str] = field(default_factory=Counter)
    outcomes: int = 0
    max_lag: int = 0
    kills: list[tuple[str, float]] = field(default_factory=list)
    redis_restarts: list[float] = field(default_factory=list)
    baseline_s: float = 0.0
    unrecovered: list[str] = field(default_factory=list)
    fault_s: float = 0.0

    @property
    def identical(self) -> bool:
        return not (self.lost or self.duplicated or self.unexpected or self.differing)

    def render(self) -> str:
        lines = [
            f"chunks in:        {self.chunks_in} ({self.documents} documents)",
            f"events out:       {self.events_out} (fault-free run: {self.baseline_events})",
            f"lost:             {self.lost}",
            f"duplicated:       {self.duplicated}",
            f"unexpected:       {self.unexpected}   differing content: {self.differing}",
            f"identical set:    {self.identical}",
            f"dead letters:     {sum(self.dead_letters.values())}"
            + "".join(f"\n  {n} x {r}" for r, n in self.dead_letters.most_common()),
            f"partial outcomes: {self.outcomes}",
            f"max consumer lag: {self.max_lag}",
            f"kills:            {len(self.kills)}"
            + "".join(f"\n  {s:<10} recovered in {t:.2f}s" for s, t in self.kills),
            *(f"  NOT RECOVERED: {u}" for u in self.unrecovered),
            "redis restarts:   "
            + ", ".join(f"recovered in {t:.2f}s" for t in self.redis_restarts),
            f"time:             fault-free {self.baseline_s:.1f}s, with faults {self.fault_s:.1f}s",
        ]
        return "\n".join(lines)


async def _safe(coro, default=None):  # type: ignore[no-untyped-def]
    try:
        return await coro
    except (RedisError, OSError):
        return default


async def _max_lag(redis: Redis, names: Streams) -> int:
    worst = 0
    for stream in (names.chunks, names.results):
        for info in await redis.xinfo_groups(stream):
            worst = max(worst, int(info.get("lag") or 0) + int(info.get("pending") or 0))
    return worst


async def _drained(redis: Redis, names: Streams) -> bool:
    return await _max_lag(redis, names) == 0


async def _pending_of(redis: Redis, stream: str, group: str, consumer: str) -> int:
    rows = await redis.xpending_range(stream, group, min="-", max="+", count=1, consumername=consumer)
    return len(rows)


async def _publish(
    redis: Redis, docs: list[SourceDocument], names: Streams, *, spread_s: float, max_lag: int
) -> int:
    """Publish in slices spread over ``spread_s`` so faults hit a flowing pipeline."""
    from sitrep.services.producer import publish_documents  # noqa: PLC0415

    slices = max(1, min(len(docs), int(spread_s / 0.25)))
    per = -(-len(docs) // slices)
    chunks = 0
    started = time.monotonic()
    for i in range(0, len(docs), per):
        produced, refused = await publish_documents(
            redis, docs[i : i + per], names=names, chunk_size=1200,
            partitions=1, cluster=False, max_lag=max_lag,
        )
        assert not refused, refused
        chunks += sum(p.chunk_count for p in produced)
        target = started + spread_s * (i + per) / len(docs)
        await asyncio.sleep(max(0.0, target - time.monotonic()))
    return chunks


async def _wait_done(
    redis: Redis, names: Streams, ids: list[str], services: Services, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        services.check_alive()
        done = await _safe(_all_emitted(redis, names, ids), False)
        if done and await _safe(_drained(redis, names), False):
            return
        await asyncio.sleep(0.2)
    msg = f"pipeline did not finish within {timeout:.0f}s"
    raise TimeoutError(msg)


async def _all_emitted(redis: Redis, names: Streams, ids: list[str]) -> bool:
    async with redis.pipeline(transaction=False) as pipe:
        for d in ids:
            pipe.exists(names.emitted_key(d))
        return all(await pipe.execute())


async def _events(redis: Redis, names: Streams) -> list[bytes]:
    rows = await redis.xrange(names.events)
    return [f[PAYLOAD_FIELD.encode()] for _, f in rows]


async def run_faults(
    chunks: int = 2000,
    *,
    kills: int = 10,
    spread_s: float = 40.0,
    claim_idle_ms: int = 2000,
    timeout: float = 600.0,
    workdir: Path | None = None,
    rng_seed: int = 7,
    seed_path: Path | None = None,
    out=print,  # type: ignore[no-untyped-def]
) -> FaultReport:
    """Run the fault-free baseline, then the fault run; return the comparison."""
    from sitrep.core.chunking import chunk_document  # noqa: PLC0415

    seed_path = seed_path or Path(__file__).resolve().parents[3] / "seeds" / "000_c08e94568eae7eaf.txt"
    seed = seed_path.read_text(encoding="utf-8")
    per_doc = len(chunk_document(seed, chunk_size=1200))
    docs = make_documents(seed, max(1, -(-chunks // per_doc)), rng_seed=rng_seed)
    rng = random.Random(rng_seed)
    report = FaultReport(documents=len(docs))
    tmp = tempfile.TemporaryDirectory(prefix="sitrep-faults-") if workdir is None else None
    work = Path(tmp.name) if tmp else workdir
    assert work is not None
    server = ServerProcess(work)
    server.start()
    env = {
        "CLAIM_IDLE_MS": str(claim_idle_ms), "TRIM_INTERVAL_S": "1", "LOG_LEVEL": "WARNING",
        "LOG_JSON": "true", "POLL_MS": "50",
    }
    redis = Redis.from_url(server.url, socket_timeout=10)  # never hang on a dead socket
    try:
        # 1. fault-free baseline
        base = Streams("base")
        svc = Services(server.url, base.prefix, work, env)
        for s in SERVICES:
            svc.start(s)
        t0 = time.monotonic()
        try:
            await _publish(redis, docs, base, spread_s=0, max_lag=100_000)
            ids = sorted({c.document_id for d in docs for c in chunk_document(d.text, chunk_size=1200)[:1]})
            await _wait_done(redis, base, ids, svc, timeout)
        finally:
            svc.stop_all()
        report.baseline_s = time.monotonic() - t0
        baseline = await _events(redis, base)
        out(f"fault-free run: {len(baseline)} events in {report.baseline_s:.1f}s")

        # 2. the same input with faults
        names = Streams("fault")
        svc = Services(server.url, names.prefix, work, env)
        for s in SERVICES:
            svc.start(s)
        plan = [s for s in SERVICES for _ in range(2)]
        plan += [rng.choice(SERVICES) for _ in range(max(0, kills - len(plan)))]
        rng.shuffle(plan)
        plan = plan[:kills] if kills >= len(SERVICES) * 2 else plan
        redis_after = len(plan) // 2
        t0 = time.monotonic()
        producer = asyncio.create_task(
            _publish(redis, docs, names, spread_s=spread_s, max_lag=2_000)
        )
        lag_task = asyncio.create_task(_watch_lag(redis, names, report))
        recoveries: list[asyncio.Task[None]] = []
        gap = spread_s / (len(plan) + 2)
        for n, service in enumerate(plan):
            await asyncio.sleep(gap * (0.5 + rng.random()))
            if n == redis_after:
                killed_at = time.monotonic()
                server.kill()
                out(f"[{killed_at - t0:6.1f}s] kill -9 valkey-server")
                await asyncio.sleep(0.5)
                server.start()
                await _until_flowing(redis, names)
                report.redis_restarts.append(time.monotonic() - killed_at)
            svc.check_alive()
            dead = svc.kill(service)
            killed_at = time.monotonic()
            out(f"[{killed_at - t0:6.1f}s] kill -9 {service} ({dead})")
            svc.start(service)
            recoveries.append(
                asyncio.create_task(_recovery(redis, names, svc, service, dead, killed_at, report))
            )
        report.chunks_in = await producer
        ids = sorted({c.document_id for d in docs for c in chunk_document(d.text, chunk_size=1200)[:1]})
        await _wait_done(redis, names, ids, svc, timeout)
        await asyncio.gather(*recoveries)
        report.fault_s = time.monotonic() - t0
        lag_task.cancel()
        svc.stop_all()

        faulty = await _events(redis, names)
        _compare(report, baseline, faulty)
        for _, f in await redis.xrange(names.dead_letters):
            letter = orjson.loads(f[PAYLOAD_FIELD.encode()])
            report.dead_letters[f"{letter['service']}: {letter['reason'][:80]}"] += 1
        report.outcomes = await redis.xlen(f"{names.prefix}:outcomes")
        return report
    finally:
        await redis.aclose()
        server.stop()
        if tmp:
            tmp.cleanup()


def _compare(report: FaultReport, baseline: list[bytes], faulty: list[bytes]) -> None:
    def by_id(payloads: list[bytes]) -> tuple[dict[str, dict[str, object]], Counter[str]]:
        events = [orjson.loads(p) for p in payloads]
        return {e["event_id"]: e for e in events}, Counter(e["event_id"] for e in events)

    want, _ = by_id(baseline)
    got, counts = by_id(faulty)
    report.baseline_events = len(baseline)
    report.events_out = len(faulty)
    report.lost = len(want.keys() - got.keys())
    report.unexpected = len(got.keys() - want.keys())
    report.duplicated = sum(n - 1 for n in counts.values() if n > 1)
    report.differing = sum(1 for k in want.keys() & got.keys() if want[k] != got[k])


async def _watch_lag(redis: Redis, names: Streams, report: FaultReport) -> None:
    while True:
        lag = await _safe(_max_lag(redis, names), 0)
        report.max_lag = max(report.max_lag, lag or 0)
        await asyncio.sleep(0.2)


async def _until_flowing(redis: Redis, names: Streams) -> None:
    """Until the restarted server answers with our groups in place (AOF loaded)."""
    while not await _safe(redis.xinfo_groups(names.chunks), None):
        await asyncio.sleep(0.05)


async def _recovery(
    redis: Redis, names: Streams, svc: Services, service: str, dead: str, killed_at: float,
    report: FaultReport,
) -> None:
    """Time until the replacement is up and the dead consumer's entries are reclaimed."""
    stream = names.results if service == "merger" else names.chunks
    group = names.group(service)
    deadline = killed_at + 120
    pending, up = None, False
    while time.monotonic() < deadline:
        pending = await _safe(_pending_of(redis, stream, group, dead), 1)
        up = up or svc.health_file(service).exists()
        if pending == 0 and up:
            report.kills.append((service, time.monotonic() - killed_at))
            return
        await asyncio.sleep(0.05)
    report.kills.append((service, float("inf")))
    report.unrecovered.append(f"{service} ({dead}): pending={pending} replacement_up={up}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=20_000)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--spread", type=float, default=90.0, help="seconds to publish over")
    parser.add_argument("--claim-idle-ms", type=int, default=2000)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    from sitrep.logs import configure_logging  # noqa: PLC0415

    configure_logging("WARNING")
    report = asyncio.run(
        run_faults(
            args.chunks, kills=args.kills, spread_s=args.spread,
            claim_idle_ms=args.claim_idle_ms, timeout=args.timeout, rng_seed=args.seed,
        )
    )
    print(report.render())
    return 0 if report.identical and not report.dead_letters else 1


if __name__ == "__main__":
    sys.exit(main())
