"""What the dark and high-contrast themes must keep visible, measured in the pixels drawn.

WCAG asks for 4.5:1 between text and its background and 3:1 for icons and the edges of
controls (1.4.3 and 1.4.11).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage

from desktop.contrast import contrast

THEMES = ["light", "dark", "high-contrast"]
DARK_THEMES = ["dark", "high-contrast"]


@pytest.fixture
def theme(qapp):
    """Applies a theme to the application and its windows' canvases; light again afterwards."""
    from desktop.dialogs.settings_dialog import AppSettings, apply_settings

    def apply(name: str) -> None:
        apply_settings(AppSettings(theme=name))
        qapp.processEvents()

    yield apply
    apply("light")


def strongest(image: QImage, rect: QRect, background: QColor) -> float:
    """The strongest contrast with ``background`` of a pixel inside ``rect``."""
    rect = rect.intersected(image.rect())
    return max(
        contrast(QColor(image.pixel(x, y)), background)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def _arrow_contrasts(page) -> dict[str, float]:
    """Per button, the strongest contrast in the strip left of its title (where the arrow is)."""
    image = page.grab().toImage()
    found = {}
    for name, button in page.buttons.items():
        geometry = button.geometry()
        strip = QRect(geometry.left(), geometry.top(), button.iconSize().width() + 10,
                      geometry.height())  # fmt: skip
        background = QColor(image.pixel(geometry.left() + 1, geometry.top() + 1))
        found[name] = strongest(image, strip, background)
    return found


@pytest.mark.parametrize("name", THEMES)
def test_the_welcome_pages_arrows_stand_out_3_to_1(qtbot, theme, name):
    """In high contrast they were the platform's black arrows on black (1.1:1)."""
    from desktop.welcome import WelcomePage

    page = WelcomePage()  # built in the light theme: it follows a later change of theme
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    theme(name)
    for button, ratio in _arrow_contrasts(page).items():
        assert ratio >= 3.0, (name, button, round(ratio, 2))


def test_the_welcome_page_is_the_platforms_again_in_the_light_theme(qtbot, theme):
    from desktop.welcome import WelcomePage

    page = WelcomePage()
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    before = page.grab().toImage()
    theme("high-contrast")
    assert page.grab().toImage() != before
    theme("light")
    assert page.grab().toImage() == before


@pytest.mark.parametrize("name", DARK_THEMES)
def test_the_positions_panel_and_the_outline_show_where_they_begin(window, theme, name):
    """The panels' list and tree had no visible edge in the dark themes (1.0:1 in high
    contrast): their empty part melted into the window."""
    theme(name)
    panels = window.panels
    image = window.grab().toImage()
    outside = window.palette().color(window.palette().ColorRole.Window)
    for view in (panels.positions.tree, panels.outline.tree):
        rect = QRect(view.mapTo(window, view.rect().topLeft()), view.size())
        for edge in (
            QRect(rect.center().x(), rect.top(), 1, 2),
            QRect(rect.center().x(), rect.bottom() - 1, 1, 2),
            QRect(rect.left(), rect.center().y(), 2, 1),
            QRect(rect.right() - 1, rect.center().y(), 2, 1),
        ):
            assert strongest(image, edge, outside) >= 3.0, (name, type(view).__name__, edge)


def _dominant(image: QImage, rect: QRect) -> QColor:
    """The commonest colour inside ``rect`` (a button's fill under its text)."""
    counts: dict[int, int] = {}
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            counts[image.pixel(x, y)] = counts.get(image.pixel(x, y), 0) + 1
    return QColor(max(counts, key=counts.get))


@pytest.mark.parametrize("name", THEMES)
def test_colour_buttons_show_their_colour_with_readable_text(qtbot, theme, name):
    """The platform drew its gradient over the set colour: #0072B2 showed as a sky blue
    under white text (2.5:1), #D55E00 as a light orange (2.1:1), in every theme."""
    from desktop.dialogs.settings_dialog import SettingsDialog
    from desktop.panels.inspector import ColorButton

    theme(name)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    node_colour = ColorButton(dialog)
    node_colour.set_color("#CC79A7")
    dialog.layout().addWidget(node_colour)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab().toImage()
    buttons = [chooser.button for chooser in dialog.colors.values()] + [node_colour]
    for button in buttons:
        shown = (button.text().split() or [""])[0]
        rect = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        inside = rect.adjusted(3, 3, -3, -3)
        fill = _dominant(image, inside)
        assert fill.name() == QColor(shown).name(), (name, shown, fill.name())
        assert strongest(image, inside, fill) >= 4.5, (name, shown, "text")
        window = dialog.palette().color(dialog.palette().ColorRole.Window)
        assert strongest(image, QRect(rect.center().x(), rect.top(), 1, 2), window) >= 3.0


@pytest.mark.parametrize("name", DARK_THEMES)
def test_a_scroll_bars_thumb_stands_out_3_to_1(qtbot, theme, name):
    """It was outlined in the window colour made darker: invisible on black."""
    from PySide6.QtWidgets import QListWidget, QStyle, QStyleOptionSlider

    theme(name)
    view = QListWidget()
    view.addItems([f"Claim {n}" for n in range(60)])
    view.resize(240, 200)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    thumb = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    image = bar.grab().toImage()
    groove = QColor(image.pixel(thumb.center().x(), thumb.bottom() + 6))
    middle = thumb.center()
    for edge in (QRect(middle.x(), thumb.bottom() - 1, 1, 2), QRect(thumb.left(), middle.y(), 2, 1),
                 QRect(thumb.right() - 1, middle.y(), 2, 1)):  # fmt: skip
        assert strongest(image, edge, groove) >= 3.0, (name, edge)


@pytest.mark.parametrize("name", DARK_THEMES)
def test_the_panels_float_and_close_buttons_stand_out_3_to_1(window, theme, name):
    """The platform's glyphs are dark grey: 2.5:1 on black, 2.3:1 on the dark window."""
    from PySide6.QtWidgets import QAbstractButton

    theme(name)
    dock = window.panels.positions
    buttons = [b for b in dock.findChildren(QAbstractButton) if b.parentWidget() is dock]
    assert len(buttons) == 2
    image = dock.grab().toImage()
    title = QColor(image.pixel(2, 2))
    for button in buttons:
        assert strongest(image, button.geometry(), title) >= 3.0, (name, button.geometry())


@pytest.mark.parametrize("name", DARK_THEMES)
def test_menus_have_an_edge_and_visible_separators(window, theme, name, qtbot):
    """A menu opened over the window with no edge (black on black), and its separators were
    the window colour made darker."""
    theme(name)
    menu = window.menus["file"]
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    try:
        image = menu.grab().toImage()
        outside = window.palette().color(window.palette().ColorRole.Window)
        middle = menu.rect().center()
        for edge in (QRect(middle.x(), 0, 1, 1), QRect(0, middle.y(), 1, 1),
                     QRect(menu.width() - 1, middle.y(), 1, 1)):  # fmt: skip
            assert strongest(image, edge, outside) >= 3.0, (name, edge)
        separator = next(a for a in menu.actions() if a.isSeparator())
        line = menu.actionGeometry(separator)
        background = QColor(image.pixel(line.center().x(), line.top() - 3))
        assert strongest(image, line, background) >= 3.0, name
    finally:
        menu.hide()


@pytest.mark.parametrize("name", DARK_THEMES)
def test_the_find_bar_has_an_edge_over_the_canvas(window, theme, name):
    theme(name)
    window.view.show_find()
    bar = window.view.find_bar
    image = window.view.grab().toImage()
    canvas = QColor(window.scene.theme.background)
    rect = QRect(bar.pos(), bar.size())  # (its left end may be cut off: the test window is small)
    assert strongest(image, QRect(rect.right(), rect.center().y(), 1, 1), canvas) >= 3.0, name
    assert strongest(image, QRect(rect.right() - 4, rect.bottom(), 1, 1), canvas) >= 3.0, name


@pytest.fixture
def panels_window(qtbot):
    """The side panels on a small map whose position is yellow (the brightest colour)."""
    from panel_helpers import open_panels_window, small_map

    argument_map = small_map()
    argument_map.change_node("p1", color="#F0E442")
    return open_panels_window(qtbot, argument_map)


def _span_contrast(documents, start: int, end: int) -> float:
    """The strongest contrast of the text in a span with the span's own background."""
    from PySide6.QtGui import QTextCursor

    view = documents.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    first = view.cursorRect(cursor)
    cursor.setPosition(start + 8)
    rect = QRect(first.topLeft(), view.cursorRect(cursor).bottomLeft())
    image = view.viewport().grab().toImage()
    return strongest(image, rect, _dominant(image, rect))


@pytest.mark.parametrize("name", THEMES)
def test_the_selected_claims_passage_reads_4_5_to_1(panels_window, theme, name, qtbot):
    """Yellow at the selected strength under the dark theme's light text was 2.7:1."""
    from panel_helpers import span_of

    theme(name)
    window = panels_window
    documents = window.panels.documents
    window.session.select(["p1"])
    documents._flash = None  # (the blink is measured below)
    documents._highlight()
    span = span_of("The library should stay open on Sundays.")
    assert _span_contrast(documents, span.start, span.end) >= 4.5, name


@pytest.mark.parametrize("name", THEMES)
def test_the_passage_blinking_to_be_found_reads_4_5_to_1(panels_window, theme, name):
    """The blink chose white text by lightness: on orange that is 2.3:1."""
    from panel_helpers import span_of
    from PySide6.QtGui import QColor as Color

    theme(name)
    documents = panels_window.panels.documents
    span = span_of("Volunteers could staff the desk.")
    documents._flash, documents._flash_steps = (span.start, span.end, Color("#E69F00")), 1
    documents._highlight()
    assert _span_contrast(documents, span.start, span.end) >= 4.5, name


@pytest.mark.parametrize("name", DARK_THEMES)
def test_a_toggle_that_is_on_looks_different_from_one_that_is_off(qtbot, theme, name):
    """Evaluate's toggle in its panel looked the same on and off (the platform darkens a
    checked button: on black that changes nothing)."""
    from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

    theme(name)
    host = QWidget()
    layout = QHBoxLayout(host)
    layout.setContentsMargins(12, 12, 12, 12)
    off, on = QToolButton(host), QToolButton(host)
    for button in (off, on):
        button.setText("Evaluate")
        button.setCheckable(True)
        layout.addWidget(button)
    on.setChecked(True)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    image = host.grab().toImage()
    window = QColor(image.pixel(2, 2))

    def edge(button) -> list[float]:
        x, top = button.geometry().left() + 4, button.geometry().top()
        return [contrast(QColor(image.pixel(x, top + i)), window) for i in range(3)]

    def fill(button) -> QColor:
        return QColor(image.pixel(button.geometry().left() + 3, button.geometry().center().y()))

    assert [r >= 3.0 for r in edge(on)][:2] == [True, True], (name, edge(on))  # 2 px
    assert edge(off)[1] < 3.0, (name, edge(off))  # 1 px
    assert contrast(fill(on), fill(off)) >= 1.5, (name, fill(on).name(), fill(off).name())


@pytest.mark.parametrize("name", THEMES)
def test_tab_shows_which_welcome_choice_has_the_focus(qtbot, theme, name):
    """Fusion draws no focus frame for a command link: Tab moved through the page unseen."""
    from desktop.welcome import WelcomePage

    theme(name)
    page = WelcomePage()
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitActive(page)
    first, second = page.buttons["example"], page.buttons["import"]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    image = page.grab().toImage()
    background = page.palette().color(page.palette().ColorRole.Window)
    for button, framed in ((second, True), (first, False)):
        rect = button.geometry()
        top = QRect(rect.center().x(), rect.top(), 1, 3)
        assert (strongest(image, top, background) >= 3.0) is framed, (name, button.text())
