"""Render the JSON Schema files that non-Python subscribers code against."""

from __future__ import annotations

import json
from pathlib import Path

from . import PUBLIC_MESSAGES, SCHEMA_VERSION

__all__ = ["render_all", "schema_path", "write_all"]

SCHEMA_DIR = Path(__file__).parent


def schema_path(stem: str) -> Path:
    major = SCHEMA_VERSION.split(".", 1)[0]
    return SCHEMA_DIR / f"{stem}.v{major}.schema.json"


def render_all() -> dict[Path, str]:
    """Each schema file's expected content, stable byte for byte (sorted keys)."""
    out: dict[Path, str] = {}
    for stem, model in PUBLIC_MESSAGES.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://sitrep.invalid/schemas/{schema_path(stem).name}"
        out[schema_path(stem)] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def write_all() -> list[Path]:
    written = []
    for path, text in render_all().items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
