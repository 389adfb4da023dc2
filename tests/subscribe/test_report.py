"""The report page as text (no browser): anchors, escaping, self-containment, empty input."""

from __future__ import annotations

import re

from sitrep.schemas import Event, GeoPrecision
from sitrep.subscribe.report import render_report
from tests.subscribe.conftest import make_event


def test_every_in_page_link_has_a_unique_target(invented_events: list[Event]) -> None:
    """Ids are unique and each href="#x" names one of them."""
    page = render_report(invented_events)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)


def test_article_text_is_escaped(invented_events: list[Event]) -> None:
    """Markup inside an article sentence is shown as text, never parsed as HTML."""
    page = render_report(invented_events)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_page_needs_no_network(invented_events: list[Event]) -> None:
    """No external stylesheet, script, image or font: the file opens offline."""
    page = render_report(invented_events)
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "url(" not in page and "@import" not in page


def test_no_events_and_no_coordinates_still_render() -> None:
    """An empty stream or events without coordinates give a valid page saying so."""
    assert "0 events" in render_report([])
    doc = "Clashes were reported in Nowhere."
    unlocated = make_event(doc, doc, place=("Nowhere", None, None, None, None, GeoPrecision.UNKNOWN))
    page = render_report([unlocated])
    assert "No event has coordinates." in page and 'id="row-1"' in page


def test_map_fits_events_far_apart() -> None:
    """Events far apart (Fiji, Chile) are both plotted inside the SVG viewport."""
    doc = "Floods hit Suva. Protests in Santiago."
    events = [
        make_event(doc, "Floods hit Suva.", place=("Suva", "FJ", None, -18.14, 178.44, GeoPrecision.POINT)),
        make_event(doc, "Protests in Santiago.",
                   place=("Santiago", "CL", None, -33.45, -70.66, GeoPrecision.POINT)),
    ]  # fmt: skip
    page = render_report(events)
    view = re.search(r'viewBox="0 0 (\d+) (\d+)"', page)
    assert view is not None
    width, height = int(view[1]), int(view[2])
    points = re.findall(r'cx="([-\d.]+)" cy="([-\d.]+)"', page)
    assert len(points) == 2
    assert all(0 <= float(x) <= width and 0 <= float(y) <= height for x, y in points)
