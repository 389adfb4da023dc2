"""The committed JSON Schema files are the contract non-Python subscribers code against."""

from __future__ import annotations

import json

import jsonschema
import pytest

from sitrep.schemas import PUBLIC_MESSAGES, Chunk, DeadLetter
from sitrep.schemas._generate import render_all, schema_path


@pytest.mark.parametrize("path_text", sorted(render_all().items()), ids=lambda p: p[0].name)
def test_committed_schema_matches_models(path_text: tuple[object, str]) -> None:
    """Fails when a model changed without `sitrep schemas` regenerating its file."""
    path, expected = path_text
    assert path.exists(), f"{path} is missing: run `sitrep schemas`"
    assert path.read_text(encoding="utf-8") == expected, f"{path.name} drifted: run `sitrep schemas`"


def test_every_public_message_has_a_versioned_schema_file() -> None:
    """Each message declares schema_version and has a vN file."""
    for stem, model in PUBLIC_MESSAGES.items():
        assert "schema_version" in model.model_fields, stem
        assert schema_path(stem).name.endswith(".v1.schema.json")


def test_a_serialised_chunk_validates_against_its_json_schema() -> None:
    """What the producer writes is valid under the published JSON Schema."""
    chunk = Chunk(document_id="d", chunk_id="d:0", seq=0, chunk_count=1, text="x", start=0, end=1)
    schema = json.loads(schema_path("chunk").read_text())
    jsonschema.validate(json.loads(chunk.model_dump_json()), schema)


def test_schema_rejects_unknown_version() -> None:
    """A consumer on v1 refuses a v2 message instead of misreading it."""
    schema = json.loads(schema_path("dead-letter").read_text())
    bad = {"schema_version": "2.0"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    assert DeadLetter.model_fields["schema_version"].default == "1.0"
