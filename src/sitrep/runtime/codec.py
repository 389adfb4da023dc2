"""Stream entry <-> schema model: plain JSON in one field, strict on the way in."""

from __future__ import annotations

from typing import Any, TypeVar

import orjson
from pydantic import BaseModel, TypeAdapter, ValidationError

from sitrep.errors import BadMessageError
from sitrep.schemas import SCHEMA_VERSION
from sitrep.streams import PAYLOAD_FIELD

__all__ = ["decode", "decode_payload", "encode", "entry_ids", "payload_bytes"]

M = TypeVar("M")
_FIELD = PAYLOAD_FIELD.encode()
_MAJOR = SCHEMA_VERSION.split(".", 1)[0]


def encode(model: BaseModel) -> bytes:
    """The JSON a stream entry carries: compact, UTF-8, readable by any client."""
    return model.__pydantic_serializer__.to_json(model)


def payload_bytes(fields: dict[bytes, bytes]) -> bytes:
    return fields.get(_FIELD, b"")


def decode(fields: dict[bytes, bytes], adapter: TypeAdapter[M]) -> M:
    """Validate one stream entry, raising :class:`BadMessageError` with a reason a
    human can act on (the dead-letter stream stores it)."""
    raw = fields.get(_FIELD)
    if raw is None:
        msg = f"entry has no {PAYLOAD_FIELD!r} field (fields: {sorted(k.decode('latin-1') for k in fields)})"
        raise BadMessageError(msg)
    return decode_payload(raw, adapter)


def decode_payload(raw: bytes | str, adapter: TypeAdapter[M]) -> M:
    """Validate one JSON payload: JSON, an object, a known schema_version major, the schema.

    A valid payload is validated straight from its JSON by pydantic-core (one pass);
    only a rejected one is taken apart step by step, to say why."""
    try:
        message = adapter.validate_json(raw)
    except ValidationError:
        pass
    else:
        # schema_version has a default: a payload must still state it.
        if "schema_version" in getattr(message, "model_fields_set", ()):
            return message
    return _explain(raw, adapter)


def _explain(raw: bytes | str, adapter: TypeAdapter[M]) -> M:
    try:
        data: Any = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        msg = f"payload is not JSON: {exc}"
        raise BadMessageError(msg) from None
    if not isinstance(data, dict):
        msg = f"payload is JSON {type(data).__name__}, expected an object"
        raise BadMessageError(msg)
    version = data.get("schema_version")
    if not isinstance(version, str) or version.split(".", 1)[0] != _MAJOR:
        msg = f"unknown schema_version {version!r}; this service reads {SCHEMA_VERSION}"
        raise BadMessageError(msg)
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in exc.errors()[:5]
        )
        msg = f"payload does not match the schema: {problems}"
        raise BadMessageError(msg) from None


def entry_ids(fields: dict[bytes, bytes]) -> tuple[str | None, str | None]:
    """Best-effort (document_id, chunk_id) of an entry, for logs and dead letters."""
    try:
        data = orjson.loads(fields.get(_FIELD, b""))
    except orjson.JSONDecodeError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    ref = data.get("chunk") if isinstance(data.get("chunk"), dict) else data
    doc, chunk = ref.get("document_id"), ref.get("chunk_id")
    return (doc if isinstance(doc, str) else None, chunk if isinstance(chunk, str) else None)
