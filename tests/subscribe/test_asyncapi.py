"""The committed AsyncAPI document is exactly what the code generates, and says what matters."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sitrep.schemas import Event
from sitrep.streams import EXTRACTORS, PAYLOAD_FIELD, Streams
from sitrep.subscribe.asyncapi import DOC_PATH, DOC_PREFIX, render_asyncapi


@pytest.fixture(scope="module")
def generated() -> str:
    return render_asyncapi()


@pytest.fixture(scope="module")
def doc(generated: str) -> dict[str, Any]:
    return json.loads(generated)


def _resolve(doc: dict[str, Any], ref: str) -> Any:
    node: Any = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def test_committed_document_matches_the_code(generated: str) -> None:
    """docs/asyncapi.json is byte-for-byte the generated document (run `sitrep asyncapi` on drift)."""
    assert DOC_PATH.exists(), f"{DOC_PATH} missing: run `sitrep asyncapi`"
    assert DOC_PATH.read_text(encoding="utf-8") == generated, (
        "docs/asyncapi.json drifted from the code: regenerate with `sitrep asyncapi`"
    )


def test_generation_is_independent_of_the_environment(
    generated: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A different STREAM_PREFIX, CONSUMER_NAME or batch size in the environment changes nothing."""
    monkeypatch.setenv("STREAM_PREFIX", "elsewhere")
    monkeypatch.setenv("CONSUMER_NAME", "host-123")
    monkeypatch.setenv("BATCH_SIZE", "7")
    assert render_asyncapi() == generated


def test_every_stream_is_a_channel_with_its_message_schema(doc: dict[str, Any]) -> None:
    """chunks, results, events and the dead-letter stream each have a channel whose message
    payload is the model that stream carries."""
    names = Streams(DOC_PREFIX)
    expected = {
        names.chunks: {"Chunk"},
        names.results: {"EntitiesResult", "CasualtiesResult", "PlacesResult"},
        names.events: {"Event"},
        names.dead_letters: {"DeadLetter"},
    }
    seen: dict[str, set[str]] = {}
    for channel in doc["channels"].values():
        for ref in channel["messages"].values():
            ref_ = _resolve(doc, ref["$ref"])["payload"]["$ref"]
            union = _resolve(doc, ref_).get("oneOf")
            refs = [p["$ref"] for p in union] if union else [ref_]
            seen.setdefault(channel["address"], set()).update(r.rsplit("/", 1)[1] for r in refs)
    assert seen == expected


def test_every_consumer_group_is_documented(doc: dict[str, Any]) -> None:
    """Each service's consumer group appears as a receive operation on the stream it reads."""
    names = Streams(DOC_PREFIX)
    groups = {
        ch["bindings"]["redis"]["groupName"]: ch["address"]
        for ch in doc["channels"].values()
        if ch["bindings"]["redis"]["method"] == "xreadgroup"
    }
    assert groups == {
        **{names.group(e): names.chunks for e in EXTRACTORS},
        names.group("merger"): names.results,
    }
    actions = {key: op["action"] for key, op in doc["operations"].items()}
    assert all(actions[g.split(":", 1)[1]] == "receive" for g in groups)
    assert actions["events"] == "send"


def test_event_schema_matches_the_model(doc: dict[str, Any]) -> None:
    """The Event schema in the document has exactly the model's fields and required list."""
    schema = doc["components"]["schemas"]["Event"]
    model = Event.model_json_schema(mode="serialization")
    assert set(schema["properties"]) == set(model["properties"])
    assert set(schema.get("required", [])) == set(model.get("required", []))


def test_document_states_the_plain_json_payload_field(doc: dict[str, Any]) -> None:
    """Messages say the entry field carries plain JSON and declare no FastStream envelope header."""
    for message in doc["components"]["messages"].values():
        assert f"`{PAYLOAD_FIELD}`" in message["description"]
        assert "plain" in message["description"]
        assert "correlationId" not in message and "headers" not in message
    assert doc["asyncapi"] == "3.0.0"


def test_all_references_resolve(doc: dict[str, Any]) -> None:
    """Every $ref in the document points at an existing node."""
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.append(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    assert refs
    for ref in refs:
        _resolve(doc, ref)
