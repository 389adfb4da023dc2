"""Stream entries decode strictly, with a reason a human can act on."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from sitrep.errors import BadMessageError
from sitrep.runtime.codec import decode, encode, entry_ids
from sitrep.schemas import Chunk
from tests.factories import make_chunk

ADAPTER = TypeAdapter(Chunk)


def test_round_trip() -> None:
    """encode then decode gives back an equal model."""
    chunk = make_chunk("Two people were killed.")
    assert decode({b"payload": encode(chunk)}, ADAPTER) == chunk


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({b"other": b"{}"}, "no 'payload' field"),
        ({b"payload": b"\xff\xfe binary"}, "not JSON"),
        ({b"payload": b"[1, 2]"}, "expected an object"),
        ({b"payload": b'{"schema_version": "2.0"}'}, "unknown schema_version '2.0'"),
        ({b"payload": b'{"text": "x"}'}, "unknown schema_version None"),
        ({b"payload": b'{"schema_version": "1.0", "text": "x"}'}, "does not match the schema"),
    ],
)
def test_bad_entries_raise_with_reason(fields: dict[bytes, bytes], reason: str) -> None:
    """Each malformed entry raises BadMessageError naming what is wrong."""
    with pytest.raises(BadMessageError, match=reason):
        decode(fields, ADAPTER)


def test_entry_ids_survive_garbage() -> None:
    """Ids for logs are best effort and never raise."""
    assert entry_ids({b"payload": b"\x00\x01"}) == (None, None)
    chunk = make_chunk("x", document_id="abc")
    assert entry_ids({b"payload": encode(chunk)}) == ("abc", "abc:0")
