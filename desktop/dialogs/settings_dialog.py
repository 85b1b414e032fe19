"""Preferences: theme, base font size (for projectors) and relation colours, kept in QSettings.

The keys ``theme`` and ``fontSize`` are the ones the main window reads at start-up; relation
colours live under ``relationColors/<relation>`` and override the theme's when set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.canvas.theme import Theme, theme_named
from desktop.contrast import swatch_style
from desktop.field_frames import frame_fields

ORGANIZATION = APPLICATION = "DebateMap"
THEME_CHOICES = (("light", "Light"), ("dark", "Dark"), ("high-contrast", "High contrast"))
RELATIONS = ("support", "attack", "rephrase")
FONT_RANGE = (7.0, 36.0)
FIELD_BORDERS = {"dark": "#9A9A9A", "high-contrast": "#B0B0B0"}
"""The frame of input fields where the platform's would vanish: 4.9:1 on the dark window,
9.7:1 on black (WCAG 1.4.11 asks for 3:1); the light theme keeps the platform's frames."""


def store() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


@dataclass
class AppSettings:
    """What the person chose; ``relation_colors`` holds only the colours they changed."""

    theme: str = "light"
    font_size: float | None = None  # None: the theme's own size
    relation_colors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, settings: QSettings | None = None) -> AppSettings:
        settings = settings or store()
        theme = str(settings.value("theme", "light"))
        if theme not in dict(THEME_CHOICES):
            theme = "light"
        try:
            size = settings.value("fontSize")
            font_size = min(max(float(size), FONT_RANGE[0]), FONT_RANGE[1]) if size else None
        except (TypeError, ValueError):
            font_size = None
        colors = {}
        for relation in RELATIONS:
            value = settings.value(f"relationColors/{relation}")
            if value and QColor.isValidColorName(str(value)):
                colors[relation] = QColor(str(value)).name()
        return cls(theme, font_size, colors)

    def save(self, settings: QSettings | None = None) -> None:
        settings = settings or store()
        settings.setValue("theme", self.theme)
        if self.font_size is None:
            settings.remove("fontSize")
        else:
            settings.setValue("fontSize", float(self.font_size))
        for relation in RELATIONS:
            if relation in self.relation_colors:
                settings.setValue(f"relationColors/{relation}", self.relation_colors[relation])
            else:
                settings.remove(f"relationColors/{relation}")
        settings.sync()

    def to_theme(self) -> Theme:
        """The canvas theme these settings describe."""
        theme = theme_named(self.theme)
        if self.font_size is not None:
            theme = theme.with_font_size(self.font_size)
        return theme._replace(**{r: c for r, c in self.relation_colors.items() if r in RELATIONS})


_system_font: QFont | None = None
"""The desktop's own font, kept before the first change: "the theme's size" goes back to it.
(QFont() is no use for that: it is whatever font the application was last given.)"""


def apply_settings(settings: AppSettings, windows: list[QWidget] | None = None) -> None:
    """Restyle the application (palette, field frames, font) and every window's canvas."""
    global _system_font
    app = QApplication.instance()
    if isinstance(app, QApplication):
        frame_fields(app, FIELD_BORDERS.get(settings.theme))  # (a new style: before the palette)
        app.setPalette(_palette(settings.theme))
        if _system_font is None:
            _system_font = QFont(app.font())
        font = QFont(_system_font)
        if settings.font_size is not None:
            font.setPointSizeF(settings.font_size)
        app.setFont(font)
    theme = settings.to_theme()
    for window in windows if windows is not None else QApplication.topLevelWidgets():
        set_theme = getattr(window, "set_theme", None)
        if set_theme is not None:
            set_theme(theme)


def _palette(theme: str) -> QPalette:
    if theme == "light":
        return QPalette()
    dark = theme == "dark"
    window, base, text = (
        ("#2B2D31", "#1E1F22", "#ECECEC") if dark else ("#000000", "#000000", "#FFFFFF")
    )
    highlight = "#56B4E9" if dark else "#00FFFF"
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, window), (roles.WindowText, text), (roles.Base, base),
        (roles.AlternateBase, window), (roles.Text, text), (roles.Button, window),
        (roles.ButtonText, text), (roles.ToolTipBase, base), (roles.ToolTipText, text),
        (roles.Highlight, highlight), (roles.HighlightedText, "#000000"),
        (roles.PlaceholderText, "#9A9A9A" if dark else "#FFFF00"), (roles.Link, highlight),
        (roles.BrightText, "#FFFFFF"),
    ):  # fmt: skip
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7A7A7A"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7A7A7A"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7A7A7A"))
    return palette


class _ColorChooser(QWidget):
    changed = Signal()

    def __init__(self, relation: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.relation = relation
        self.color: str | None = None
        self.default = "#000000"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self)
        self.button.setAccessibleName(f"{relation.capitalize()} colour")
        self.button.clicked.connect(self._pick)
        self.reset = QPushButton("Theme Default", self)
        self.reset.clicked.connect(lambda: self.set_color(None))
        layout.addWidget(self.button, 1)
        layout.addWidget(self.reset)

    def set_color(self, color: str | None, default: str | None = None) -> None:
        self.color = color
        if default is not None:
            self.default = default
        shown = color or self.default
        self.button.setText(shown if color else f"{shown} (theme)")
        self.button.setStyleSheet(swatch_style(shown, self.palette()))
        self.reset.setEnabled(color is not None)
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # (Apply: the frame in the new theme's)
            self.button.setStyleSheet(swatch_style(self.color or self.default, self.palette()))

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color or self.default), self,
                                       f"{self.relation.capitalize()} colour")  # fmt: skip
        if chosen.isValid():
            self.set_color(chosen.name())


class SettingsDialog(QDialog):
    """Edits :class:`AppSettings`; OK and Apply store them and restyle every window."""

    applied = Signal(object)

    def __init__(self, parent: QWidget | None = None, settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings or AppSettings.load()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.theme = QComboBox(self)
        for key, title in THEME_CHOICES:
            self.theme.addItem(title, key)
        self.theme.currentIndexChanged.connect(self._theme_changed)
        self.font_size = QDoubleSpinBox(self)
        self.font_size.setRange(FONT_RANGE[0] - 1, FONT_RANGE[1])
        self.font_size.setDecimals(0)
        self.font_size.setSuffix(" pt")
        self.font_size.setSpecialValueText("Theme default")
        self.font_size.setToolTip("Larger text for projectors, on the canvas and in the panels")
        self.colors = {r: _ColorChooser(r, self) for r in RELATIONS}
        form.addRow("&Theme", self.theme)
        form.addRow("Base &font size", self.font_size)
        for relation, chooser in self.colors.items():
            form.addRow(f"{relation.capitalize()} colour", chooser)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.RestoreDefaults, self,
        )  # fmt: skip
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_settings(AppSettings())
        )
        layout.addWidget(buttons)
        self.show_settings(self.settings)

    def show_settings(self, settings: AppSettings) -> None:
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        self.font_size.setValue(settings.font_size or self.font_size.minimum())
        self._theme_changed()
        for relation, chooser in self.colors.items():
            chooser.set_color(settings.relation_colors.get(relation))

    def _theme_changed(self) -> None:
        theme = theme_named(self.theme.currentData())
        for relation, chooser in self.colors.items():
            chooser.set_color(chooser.color, default=getattr(theme, relation))

    def chosen(self) -> AppSettings:
        size = self.font_size.value()
        return AppSettings(
            self.theme.currentData(),
            None if size <= self.font_size.minimum() else size,
            {r: c.color for r, c in self.colors.items() if c.color},
        )

    def apply(self) -> None:
        self.settings = self.chosen()
        self.settings.save()
        apply_settings(self.settings)
        self.applied.emit(self.settings)

    def accept(self) -> None:
        self.apply()
        super().accept()
