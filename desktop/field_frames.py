"""Input fields, list and tree views, and controls with edges that can be seen in the dark and
high-contrast themes.

Fusion (and most styles) draw the frame of a line edit, text box, combo box or spin box, of a
list, tree or table view, and the box of a check box or radio button, in the window colour made
40 % darker: on a black or near-black window that is black on black, so a user cannot see where
to type, where the Positions panel or the Outline begins, nor that an unticked item can be
ticked. No palette role changes it, and a style sheet that sets a border replaces the combo
box's and spin box's arrows with bare boxes. So the themes that need it wrap the platform's own
style in :class:`FieldFrameStyle`, which draws everything as before and then a 1 px frame in a
colour that stands out from the window (WCAG 1.4.11 asks for 3:1), 2 px in the highlight colour
while a field or view has the keyboard focus; push buttons, check boxes and radio buttons get
the 1 px frame (their focus is the platform's). :func:`frame_fields` puts it on the application
and takes it off again, so the light theme keeps exactly the platform's look.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionMenuItem,
)

_PE = QStyle.PrimitiveElement
_CC = QStyle.ComplexControl
_SP = QStyle.StandardPixmap
_SCROLL_AREAS = QAbstractScrollArea
"""Text boxes, and the list, tree and table views: a frame round a scrolling area."""
_CHECK_BOXES = (_PE.PE_IndicatorCheckBox, _PE.PE_IndicatorItemViewItemCheck)
FOCUS_WIDTH = 2


class FieldFrameStyle(QProxyStyle):
    """The style named ``base``, with fields and controls framed in ``border`` (a field with the
    focus: in the highlight colour)."""

    def __init__(self, base: str, border: str) -> None:
        super().__init__(base)
        self.base_name = base
        self.border = QColor(border)
        self._glyphs: dict[str, QIcon] = {}

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget, _SCROLL_AREAS):
            return max(value, FOCUS_WIDTH)  # room for the focus frame outside the scrolled area
        return value

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == _PE.PE_FrameLineEdit or (
            element == _PE.PE_Frame and isinstance(widget, _SCROLL_AREAS)
        ):
            self._draw_field_frame(option, painter)
        elif element in (_PE.PE_Frame, _PE.PE_FrameMenu, _PE.PE_PanelMenu):
            # other framed panels (the canvas's find bar, combo box pop-ups) and menus, which
            # otherwise open over the window with no edge
            self._draw_field_frame(option, painter, focus=False)
        elif element in _CHECK_BOXES:
            self._draw_field_frame(option, painter, focus=False)
        elif element == _PE.PE_IndicatorRadioButton:
            self._draw_field_frame(option, painter, focus=False, round=True)
        elif element == _PE.PE_PanelButtonCommand and option.state & QStyle.StateFlag.State_On:
            self._draw_checked_button(option, painter)
        elif element == _PE.PE_PanelButtonCommand and not _is_default_or_flat(option):
            # (the default button keeps the platform's highlighted outline)
            self._draw_field_frame(option, painter, focus=False)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in (_CC.CC_ComboBox, _CC.CC_SpinBox) and option.frame:
            self._draw_field_frame(option, painter)
        elif control == _CC.CC_ScrollBar and option.maximum > option.minimum:
            # The platform's thumb is outlined in the window colour made darker: on black,
            # nothing shows where the list is scrolled to, nor what to drag.
            thumb = self.subControlRect(control, option, QStyle.SubControl.SC_ScrollBarSlider,
                                        widget)  # fmt: skip
            if thumb.isValid():
                self._draw_field_frame(option, painter, focus=False, rect=thumb)

    def drawControl(self, element, option, painter, widget=None) -> None:
        super().drawControl(element, option, painter, widget)
        if (
            element == QStyle.ControlElement.CE_MenuItem
            and isinstance(option, QStyleOptionMenuItem)
            and option.menuItemType == QStyleOptionMenuItem.MenuItemType.Separator
            and not option.text
        ):  # the platform's separator line is the window colour made darker, as frames were
            margin, y = 5, option.rect.center().y() + 0.5
            painter.save()
            painter.setPen(QPen(self.border, 1))
            painter.drawLine(QPointF(option.rect.left() + margin, y),
                             QPointF(option.rect.right() - margin, y))  # fmt: skip
            painter.restore()

    def standardIcon(self, standardIcon, option=None, widget=None) -> QIcon:
        """A panel's Float and Close buttons drawn in the text colour (the platform's are dark
        grey: 2.5:1 on black)."""
        glyph = _DOCK_GLYPHS.get(standardIcon)
        if glyph is None:
            return super().standardIcon(standardIcon, option, widget)
        if glyph not in self._glyphs:
            self._glyphs[glyph] = QIcon(_GlyphEngine(glyph))
        return self._glyphs[glyph]

    def _draw_checked_button(self, option: QStyleOption, painter: QPainter) -> None:
        """A toggle that is on (Evaluate): the platform darkens it, which on black changes
        nothing. Here it is tinted with the highlight (text stays 6:1 or more) and framed in it,
        2 px."""
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        tint = QColor(highlight)
        tint.setAlphaF(0.35)
        inside = QRectF(option.rect).adjusted(1, 1, -1, -1)
        painter.save()
        painter.fillRect(inside, tint)
        painter.restore()
        state = option.state | QStyle.StateFlag.State_HasFocus  # (drawn as a focused field is)
        checked = QStyleOption(option)
        checked.state = state
        self._draw_field_frame(checked, painter)

    def _draw_field_frame(self, option: QStyleOption, painter: QPainter, focus: bool = True,
                          round: bool = False, rect: QRect | None = None) -> None:  # fmt: skip
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        focused = focus and enabled and bool(state & QStyle.StateFlag.State_HasFocus)
        if focused:
            color, width = option.palette.color(QPalette.ColorRole.Highlight), FOCUS_WIDTH
        elif enabled:
            color, width = self.border, 1
        else:  # dimmed like the disabled text, as the platform dims a disabled field
            color = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            width = 1
        pen = QPen(color, width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        inset = width / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, round)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        framed = QRectF(rect if rect is not None else option.rect)
        framed.adjust(inset, inset, -inset, -inset)
        if round:
            painter.drawEllipse(framed)
        else:
            painter.drawRect(framed)
        painter.restore()


_DOCK_GLYPHS = {
    _SP.SP_TitleBarNormalButton: "float",
    _SP.SP_TitleBarCloseButton: "close",
    _SP.SP_DockWidgetCloseButton: "close",
}


class _GlyphEngine(QIconEngine):
    """A panel button's glyph, drawn at any size in the application's text colour of the
    moment (read when painted: a theme sets the style before the palette)."""

    def __init__(self, glyph: str) -> None:
        super().__init__()
        self.glyph = glyph

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self.glyph)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)  # (Qt's default leaves it uninitialised)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QApplication.palette()
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else (
            QPalette.ColorGroup.Active
        )  # fmt: skip
        side = min(rect.width(), rect.height())
        width = max(1.0, side / 8)
        box = QRectF(0, 0, side * 0.62, side * 0.62)
        box.moveCenter(QRectF(rect).center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(palette.color(group, QPalette.ColorRole.WindowText), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.glyph == "close":
            painter.drawLine(box.topLeft(), box.bottomRight())
            painter.drawLine(box.topRight(), box.bottomLeft())
        else:  # a window: its outline and a heavier title bar
            painter.drawRect(box)
            painter.drawLine(box.topLeft() + QPointF(0, width), box.topRight() + QPointF(0, width))
        painter.restore()


def _is_default_or_flat(option: QStyleOption) -> bool:
    features = getattr(option, "features", None)  # (combo boxes draw buttons without them)
    button = QStyleOptionButton.ButtonFeature
    return features is not None and bool(features & (button.DefaultButton | button.Flat))


def frame_fields(app: QApplication, border: str | None) -> None:
    """Frame the application's input fields in ``border``; None: the platform's style again.

    The application style changes only when the theme asks for other frames, so the light
    theme never sees (or pays for) this style.
    """
    current = app.style()
    framed = isinstance(current, FieldFrameStyle)
    if not framed and not current.name():
        return  # a style Qt could not create again by name: it could not be put back
    if border is None:
        if framed:
            app.setStyle(current.base_name)
    elif not framed or current.border != QColor(border):
        app.setStyle(FieldFrameStyle(current.base_name if framed else current.name(), border))
