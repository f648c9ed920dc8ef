"""The look in one place: Fusion style, one light palette and the text size.

Fusion draws the same on every laptop and in screenshots. Text starts at
12 pt and scales from 100 % to 200 %; layouts follow the font, so nothing here
fixes a pixel size other than the 8-pixel spacing grid.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 12.0
MIN_TEXT_SCALE = 1.0
MAX_TEXT_SCALE = 2.0
# The text sizes on offer, in percent (View ▸ Text size).
TEXT_SIZES = (100, 125, 150, 175, 200)
STYLE_NAME = "Fusion"
# Every margin and gap is a multiple of this.
GRID = 8

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f4f2",
    QPalette.ColorRole.WindowText: "#1b1b1b",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f0f0ee",
    QPalette.ColorRole.Text: "#1b1b1b",
    QPalette.ColorRole.Button: "#e8e8e5",
    QPalette.ColorRole.ButtonText: "#1b1b1b",
    QPalette.ColorRole.Highlight: "#1d5fa8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1b1b1b",
    QPalette.ColorRole.PlaceholderText: "#5c5c5c",
    QPalette.ColorRole.Link: "#1d5fa8",
}
_LIGHT_DISABLED_TEXT = "#767676"

# Small on purpose: a visible focus ring and an error colour, nothing more.
STYLE_SHEET = """
QListView:focus, QTableView:focus { border: 2px solid palette(highlight); }
QLabel[role="problem"] { color: #a4262c; font-weight: bold; }
QLabel[role="heading"] { font-weight: bold; }
QFrame[role="private"] { border: 2px dashed #7a5c00; border-radius: 4px; background: #fff8e1; }
QLabel[role="private-marker"] { color: #5c4500; font-weight: bold; }
QCheckBox::indicator, QAbstractItemView::indicator { width: 0.9em; height: 0.9em; }
"""


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _LIGHT.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_LIGHT_DISABLED_TEXT))
    return palette


def apply_look(app: QApplication, text_scale: float = 1.0, *, first_paint: bool = False) -> None:
    """Fusion, the light palette, the small style sheet and text at ``text_scale``.

    ``first_paint``: the app asked Qt for Fusion itself (``app.py`` passes ``-style``), and
    the style sheet waits for ``apply_style_sheet`` after the first paint. Making a second
    Fusion, and polishing through a style sheet, each cost more than a bare window's paint;
    the first paint shows nothing the sheet styles.
    """
    if not first_paint:
        app.setStyle(STYLE_NAME)
    app.setPalette(light_palette())
    set_text_scale(app, text_scale)
    if not first_paint:
        apply_style_sheet(app)


def apply_style_sheet(app: QApplication) -> None:
    app.setStyleSheet(STYLE_SHEET)


def set_text_scale(app: QApplication, text_scale: float) -> None:
    """Set every widget's text to 12 pt times ``text_scale`` (kept between 100 and 200 %)."""
    scale = min(max(text_scale, MIN_TEXT_SCALE), MAX_TEXT_SCALE)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    app.setFont(font)
    if app.styleSheet():  # Widgets styled by the sheet take the new size only when re-polished.
        app.setStyleSheet(app.styleSheet())


def text_scale(app: QApplication) -> float:
    """The text scale in use now (1.0 is 100 %)."""
    return app.font().pointSizeF() / BASE_POINT_SIZE
