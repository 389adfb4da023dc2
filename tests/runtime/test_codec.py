"""Stream entries decode strictly, with a reason a human can act on."""

from __future__ import annotations

import orjson
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


def test_fast_path_still_requires_a_stated_schema_version() -> None:
    """A payload valid in every other way but relying on the schema_version default is
    rejected, as the step-by-step path always did; with it stated, both paths agree."""
    chunk = make_chunk("Two people were killed.")
    data = chunk.model_dump(mode="json")
    del data["schema_version"]
    with pytest.raises(BadMessageError, match="unknown schema_version None"):
        decode({b"payload": orjson.dumps(data)}, ADAPTER)
    data["schema_version"] = "1.0"
    assert decode({b"payload": orjson.dumps(data)}, ADAPTER) == chunk
