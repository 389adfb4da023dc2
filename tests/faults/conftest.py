"""Register the ``faults`` marker (the suite runs with --strict-markers)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "faults: kills services and the server; the short fault run (deselect: -m 'not faults')"
    )
