"""The live window's few extra looks: the amber over-run, big text, the primary button.

Colours here sit beside the light palette of ``coprodesk.ui.palette``; text
sizes are factors of the application font, so the text-size setting scales them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

# Calm amber, with dark text on it (contrast above 12:1). Never the only signal:
# the words always say "over" too.
OVER_BACKGROUND = "#fff1c2"
OVER_BORDER = "#9a6700"
PRIMARY_BACKGROUND = "#1d5fa8"
PRIMARY_TEXT = "#ffffff"
# The projector: near-white on near-black (16.7:1), amber for over-run (12:1).
PROJECTOR_BACKGROUND = "#121212"
PROJECTOR_TEXT = "#f2f2f2"
PROJECTOR_MUTED = "#d0d0d0"
PROJECTOR_OVER = "#ffc857"

LIVE_STYLE_SHEET = f"""
QFrame#nowBar {{ border: 1px solid #8a8a86; border-radius: 4px; background: #ffffff; }}
QFrame#nowBar[over="true"] {{ background: {OVER_BACKGROUND}; border: 2px solid {OVER_BORDER}; }}
QLabel[role="countdown"][over="true"] {{
    background: {OVER_BACKGROUND}; border: 2px solid {OVER_BORDER}; padding: 2px 8px;
}}
"""

# Sizes as factors of the application font.
LARGE = 1.35
LARGER = 1.7


def set_text(label: QLabel, text: str) -> None:
    """Change a label's text only when it differs.

    The clock calls this every second, and PySide6 6.12 on Python 3.11 loses a
    reference to ``None`` on every call to a Qt method that returns nothing;
    skipping needless calls keeps a long workshop far from that limit.
    """
    if label.text() != text:
        label.setText(text)


def set_shown(widget: QWidget, shown: bool) -> None:
    """Show or hide ``widget`` only when that changes (see ``set_text``)."""
    if widget.isHidden() == shown:
        widget.setVisible(shown)


def _flags(widget: QWidget) -> set[str]:
    return {bytes(raw.data()).decode() for raw in widget.dynamicPropertyNames()}


def has_flag(widget: QWidget, name: str) -> bool:
    """Whether the style-sheet property ``name`` is set and true.

    Never reads a property that was not set: PySide6 6.12 loses a reference to
    ``None`` each time it returns a missing property, and Python aborts at exit
    once ``None`` runs out of references.
    """
    return name in _flags(widget) and bool(widget.property(name))


def set_flag(widget: QWidget, name: str, value: bool) -> None:
    """Set a style-sheet property and redraw the widget with it."""
    if name in _flags(widget) and bool(widget.property(name)) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def make_primary(button: QPushButton) -> None:
    """The one button a screen leads with: filled, bold, keeps Fusion's focus ring."""
    button.setProperty("role", "primary")
    palette = QPalette(button.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Button, QColor(PRIMARY_BACKGROUND))
        palette.setColor(group, QPalette.ColorRole.ButtonText, QColor(PRIMARY_TEXT))
    button.setPalette(palette)
    follow_font(button, 1.0, bold=True)


def app_font() -> QFont:
    return QApplication.font()


class FontFollower(QObject):
    """Keeps a widget's font at a factor of a base font when the text size changes.

    A widget with a font of its own does not follow the application font, so
    this listens for the application's font change and sets the font again.
    """

    def __init__(
        self, widget: QWidget, factor: float, bold: bool, base: Callable[[], QFont]
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._factor = factor
        self._bold = bold
        self._base = base
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self.apply)
        self.apply()

    def set_bold(self, bold: bool) -> None:
        if bold != self._bold:
            self._bold = bold
            self.apply()

    def apply(self, _font: QFont | None = None) -> None:
        font = QFont(self._base())
        font.setPointSizeF(font.pointSizeF() * self._factor)
        font.setBold(self._bold)
        self._widget.setFont(font)


def follow_font(
    widget: QWidget, factor: float, *, bold: bool = False, base: Callable[[], QFont] = app_font
) -> FontFollower:
    """Show ``widget``'s text at ``factor`` times ``base`` (the application font), always."""
    return FontFollower(widget, factor, bold, base)
