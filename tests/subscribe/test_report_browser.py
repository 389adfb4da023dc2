"""`sitrep report` pages opened in a real headless Chromium: what a reader actually sees."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitrep.schemas import Event
from sitrep.subscribe.exports import coordinates
from sitrep.subscribe.report import FIGURE_COLUMNS, render_report

WINDOW = (1280, 1400)
_NAMES = ("chromium", "chromium-browser", "google-chrome")


def _find() -> str | None:
    return next((p for n in _NAMES if (p := shutil.which(n))), None)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium: installed here when missing and running as root, else skipped."""
    found = _find()
    if found is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update"], env=env, check=False, capture_output=True, timeout=600)  # noqa: S607
        subprocess.run(  # noqa: S603
            ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],  # noqa: S607
            env=env, check=False, capture_output=True, timeout=1200,
        )  # fmt: skip
        found = _find()
    if found is None:
        reason = "chromium is not installed and cannot be installed here (needs root + apt-get)"
        print(f"SKIP reason: {reason}")
        pytest.skip(reason)
    return found


def _run(binary: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Chromium offline: every host name fails to resolve, so nothing can load remotely."""
    return subprocess.run(  # noqa: S603
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--user-data-dir={tmp / 'profile'}", f"--window-size={WINDOW[0]},{WINDOW[1]}", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip


@dataclass
class Page(HTMLParser):
    """What the dumped DOM contains: ids, links with their text, rows, marks, tags."""

    ids: dict[str, str] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    text_of: dict[str, str] = field(default_factory=dict)
    marks: dict[str, list[str]] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    circles: list[str] = field(default_factory=list)
    _open: list[str] = field(default_factory=list)
    _href: str | None = None
    _link_text: str = ""
    _in_mark: bool = False
    _mark_text: str = ""

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        if ident := a.get("id"):
            self.ids[ident] = tag
            if tag in ("blockquote", "tr"):
                self._open.append(ident)
                self.text_of[ident] = ""
            if tag == "tr" and ident.startswith("row-"):
                self.rows.append(ident)
        if tag == "a" and (href := a.get("href")):
            self._href, self._link_text = href, ""
        if tag == "mark":
            self._in_mark, self._mark_text = True, ""
        if tag == "circle":
            self.circles.append(a.get("data-events") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._link_text.strip()))
            self._href = None
        if tag == "mark" and self._in_mark and self._open:
            self.marks.setdefault(self._open[-1], []).append(self._mark_text)
            self._in_mark = False
        if tag in ("blockquote", "tr") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for ident in self._open:
            self.text_of[ident] += data
        if self._href is not None:
            self._link_text += data
        if self._in_mark:
            self._mark_text += data


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _open_report(chromium: str, tmp_path: Path, events: list[Event]) -> tuple[Path, Page]:
    page_path = tmp_path / "report.html"
    page_path.write_text(render_report(events, title="Test report"), encoding="utf-8")
    dom = _run(chromium, tmp_path, "--dump-dom", page_path.as_uri()).stdout
    page = Page()
    page.feed(dom)
    return page_path, page


def _assert_numbers_link_to_their_sentences(page: Page, events: list[Event]) -> int:
    checked = 0
    for n, (row_id, event) in enumerate(zip(page.rows, events, strict=True), 1):
        assert row_id == f"row-{n}"
        row_links = [(h, t) for h, t in page.links if h.startswith(f"#ev-{n}-") or h == f"#ev-{n}"]
        for column, category in FIGURE_COLUMNS.items():
            value = getattr(event, column, None) if column in ("fatalities", "injured") else max(
                (c.best for c in event.casualties if c.category is category and c.best is not None),
                default=None,
            )  # fmt: skip
            if value is None:
                continue
            target = f"ev-{n}-{category.value}"
            assert (f"#{target}", str(value)) in row_links, f"row {n}: {column} {value} not linked"
            assert str(value) in page.text_of[row_id]
            figure = next(c for c in event.casualties if c.category is category and c.best == value)
            quote = page.text_of[target]
            assert figure.sentence.text in quote
            assert f"{figure.sentence.start}–{figure.sentence.end}" in quote
            assert page.marks[target] == [figure.evidence.text]
            checked += 1
    return checked


def test_invented_events_render_in_chromium(
    chromium: str, tmp_path: Path, invented_events: list[Event]
) -> None:
    """Every event is a row, every figure a link to its quoted sentence with the figure marked,
    every in-page link resolves, markup in the text stays text, and nothing is fetched."""
    page_path, page = _open_report(chromium, tmp_path, invented_events)
    assert len(page.rows) == len(invented_events)
    assert _assert_numbers_link_to_their_sentences(page, invented_events) == 4
    for href, _ in page.links:
        assert href.startswith("#"), f"external link {href}"
        assert href[1:] in page.ids, f"dangling anchor {href}"
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert any("<script>alert(1)</script>" in t for t in page.text_of.values())
    located = [e for e in invented_events if coordinates(e) is not None]
    assert sum(len(c.split()) for c in page.circles) == len(located)
    html = page_path.read_text(encoding="utf-8")
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html and "@import" not in html and "url(" not in html


def test_seed_report_in_chromium(chromium: str, tmp_path: Path, seed_events: list[Event]) -> None:
    """The seed article's report shows each event as a row and on the map, its figures link to
    their quoted sentences, and the page renders to a non-blank screenshot."""
    page_path, page = _open_report(chromium, tmp_path, seed_events)
    assert len(page.rows) == len(seed_events)
    linked = _assert_numbers_link_to_their_sentences(page, seed_events)
    assert linked == sum(
        1 for e in seed_events for cat in FIGURE_COLUMNS.values()
        if any(c.category is cat and c.best is not None for c in e.casualties)
    )  # fmt: skip
    assert sum(len(c.split()) for c in page.circles) == sum(
        1 for e in seed_events if coordinates(e) is not None
    )
    top = tmp_path / "top.png"
    _run(chromium, tmp_path, f"--screenshot={top}", page_path.as_uri())
    assert _png_size(top) == WINDOW
    assert top.stat().st_size > 20_000, "screenshot looks blank"
    print(f"screenshot: {top}")
