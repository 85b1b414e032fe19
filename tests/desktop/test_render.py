"""Image export: PNG size, SVG text, PDF pages, hostile labels, selection and --position."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zlib

import pytest
from hostile import hostile_map
from PySide6.QtGui import QImage

from desktop.render import (
    ExportError,
    MapPage,
    RenderOptions,
    argument_of,
    closed_selection,
    export_image,
    find_position,
    render_image,
    svg_bytes,
)
from mapping.formats.debatemap import load_map
from mapping.resources import example_map_path

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def example(qapp):
    return load_map(example_map_path())


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join(" ".join(e.itertext()) for e in root.iter(f"{SVG}text"))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_png_decodes_at_the_requested_size(example, tmp_path):
    base = MapPage(example, RenderOptions())
    width, height = base.size
    base.close()
    for dpi, scale in ((96, 1.0), (192, 0.5), (72, 0.5), (300, 0.25)):
        path = tmp_path / f"map-{dpi}-{scale}.png"
        export_image(example, path, RenderOptions(dpi=dpi, scale=scale))
        image = QImage(str(path))
        assert not image.isNull()
        factor = scale * dpi / 96
        assert (image.width(), image.height()) == (
            pytest.approx(width * factor, abs=1), pytest.approx(height * factor, abs=1))  # fmt: skip
        assert image.dotsPerMeterX() == round(dpi / 0.0254)


def test_png_shows_the_map_in_the_theme_colours(example):
    light = render_image(example, RenderOptions(theme="light"))
    dark = render_image(example, RenderOptions(theme="dark"))
    clear = render_image(example, RenderOptions(transparent=True))
    assert light.pixelColor(2, 2).name() == "#fbfbf8"
    assert dark.pixelColor(2, 2).name() == "#1e1f22"
    assert clear.pixelColor(2, 2).alpha() == 0
    # something is drawn: many distinct colours, not a blank page
    sample = {
        light.pixel(x, y) for x in range(0, light.width(), 7) for y in range(0, light.height(), 7)
    }
    assert len(sample) > 20


def test_svg_is_xml_with_every_label_as_text(example):
    data = svg_bytes(example, RenderOptions(legend=True))
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    assert not list(root.iter(f"{SVG}image")), "nodes must be vectors, not cached pixmaps"
    shown = words(svg_text(data))
    for node in example.nodes.values():
        for word in words(node.label):
            assert word in shown, (node.id, word)
    assert all(w in shown for w in words(example.title))
    assert "supports" in shown and "attacks" in shown  # the legend


def test_pdf_has_a_page_with_text(example, tmp_path):
    path = tmp_path / "map.pdf"
    export_image(example, path, RenderOptions(theme="print", legend=True))
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert re.search(rb"/Type\s*/Page\b", data)
    assert b"/FontFile" in data and b"/Subtype /Image" not in data
    contents = b""
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            contents += zlib.decompress(stream)
        except zlib.error:
            contents += stream
    assert b"Tj" in contents or b"TJ" in contents  # text operators: the text is text


def test_hostile_labels_survive_png_svg_and_pdf(qapp, tmp_path):
    argument_map = hostile_map()
    for suffix in (".png", ".svg", ".pdf"):
        path = tmp_path / f"hostile{suffix}"
        export_image(argument_map, path, RenderOptions(legend=True))
        assert path.stat().st_size > 1000
    # wrapping may break a label anywhere, so compare without whitespace
    text = "".join(svg_text((tmp_path / "hostile.svg").read_bytes()).split())
    for snippet in ("<script>alert('boom')</script>", "closing } brace", '"no"', "🔥", "עובדים",
                    "\\N \\G", "]]>", "<b>bold?</b>"):  # fmt: skip
        assert "".join(snippet.split()) in text, snippet
    assert QImage(str(tmp_path / "hostile.png")).width() > 100


def test_position_export_draws_only_its_argument(example):
    position = find_position(example, "colour revolution")
    assert position.id == "p-colour" and find_position(example, "p-colour") is position
    only = argument_of(example, position.id)
    assert position.id in only
    supporters = {e.source for e in example.in_edges(position.id)}
    assert supporters <= only
    others = {n.id for n in example.nodes.values() if n.kind == "position"} - {position.id}
    assert not others & only
    text = svg_text(svg_bytes(example, RenderOptions(only=only, title=False)))
    assert all(w in text for w in words(position.label))
    for other in others:
        assert example.node(other).label.split(":")[0] not in text
    with pytest.raises(ExportError, match="no position"):
        find_position(example, "no such thing")
    with pytest.raises(ExportError, match=r"matches \d positions"):
        find_position(example, "o")


def test_selection_closes_over_edges_and_refuses_empty(example):
    edge = next(iter(example.edges.values()))
    chosen = closed_selection(example, [edge.id])
    assert {edge.id, edge.source, edge.target} <= chosen
    with pytest.raises(ExportError, match="nothing to draw"):
        render_image(example, RenderOptions(only=frozenset()))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (RenderOptions(theme="neon"), "unknown theme"),
        (RenderOptions(dpi=0), "dpi"),
        (RenderOptions(scale=float("nan")), "scale"),
        (RenderOptions(scale=500), "sensible"),
    ],
)
def test_bad_options_are_refused(example, options, message):
    with pytest.raises(ExportError, match=message):
        render_image(example, options)


def test_huge_pictures_are_scaled_down_with_a_note(example):
    options = RenderOptions(scale=40)
    image = render_image(example, options)
    assert max(image.width(), image.height()) <= 30000
    assert options.notes and "scaled down" in options.notes[0]


def test_big_pngs_are_scaled_down_to_the_pixel_budget_and_say_so(example):
    full = render_image(example, RenderOptions())
    assert full.width() * full.height() > 1_000_000  # the example is bigger than the budget below
    options = RenderOptions(max_pixels=1_000_000)
    small = render_image(example, options)
    assert small.width() * small.height() <= 1_000_000
    assert small.width() / small.height() == pytest.approx(full.width() / full.height(), rel=0.01)
    assert "1 megapixels" in options.notes[0] and "SVG and PDF keep full detail" in options.notes[0]
    with pytest.raises(ExportError, match="max-megapixels must be between 1 and 200"):
        RenderOptions(max_pixels=500_000_000).check()
