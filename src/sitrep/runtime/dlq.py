"""Dead letters: list them, and re-drive them to the stream they came from.

A dead letter keeps the original payload and its source stream, so replay is one
XADD of that payload back to the stream plus an XDEL of the letter, in one MULTI/EXEC
(replayed exactly once, or not at all). A replayed chunk reaches every extractor group
again; the merger's idempotent join makes the extra results harmless.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from sitrep.schemas import DeadLetter
from sitrep.streams import PAYLOAD_FIELD, Streams

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["Letter", "list_letters", "replay_letters"]

_FIELD = PAYLOAD_FIELD.encode()


@dataclass(frozen=True, slots=True)
class Letter:
    """A dead letter with the dead-letter stream and entry id it is stored under."""

    dlq: str
    entry_id: str
    letter: DeadLetter | None
    raw: bytes


async def list_letters(
    redis: Redis, all_names: Sequence[Streams], *, limit: int | None = None
) -> list[Letter]:
    """Every dead letter, oldest first, across the partitions in ``all_names``."""
    out: list[Letter] = []
    for names in all_names:
        start = "-"
        while True:
            rows = await redis.xrange(names.dead_letters, min=start, max="+", count=500)
            for entry_id, fields in rows:
                raw = fields.get(_FIELD, b"")
                try:
                    letter: DeadLetter | None = DeadLetter.model_validate_json(raw)
                except ValidationError:
                    letter = None
                out.append(Letter(names.dead_letters, entry_id.decode(), letter, raw))
                start = "(" + entry_id.decode()
            if len(rows) < 500 or (limit is not None and len(out) >= limit):
                break
    return out[:limit] if limit is not None else out


async def replay_letters(redis: Redis, letters: Iterable[Letter]) -> list[tuple[Letter, str]]:
    """Re-publish each letter's original payload to its stream and delete the letter;
    return (letter, new entry id) pairs. Unreadable letters are skipped."""
    done: list[tuple[Letter, str]] = []
    for item in letters:
        if item.letter is None:
            continue
        async with redis.pipeline(transaction=True) as pipe:
            pipe.xadd(item.letter.stream, {PAYLOAD_FIELD: item.letter.payload.encode("utf-8")})
            pipe.xdel(item.dlq, item.entry_id)
            new_id, deleted = await pipe.execute()
        if deleted:
            done.append((item, new_id.decode() if isinstance(new_id, bytes) else str(new_id)))
    return done
