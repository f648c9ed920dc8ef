"""The minutes' few extra looks: decision rows, the notice, the kind beside the line.

Colours sit beside the light palette of ``coprodesk.ui.palette``; words always
say what a colour shows. Text sizes are factors of the application font, so
the text-size setting scales them.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

# A decision row: a pale blue band and a bar at its left edge (the word "Decision" says it too).
DECISION_BACKGROUND = QColor("#e6eef8")
DECISION_BAR = QColor("#1d5fa8")
HEADING_RULE = QColor("#8a8a86")
NOTICE_BACKGROUND = "#eef4fb"
NOTICE_BORDER = "#1d5fa8"
PROBLEM_BACKGROUND = "#fdf0f0"
PROBLEM_BORDER = "#a4262c"

MINUTES_STYLE_SHEET = f"""
QTreeView#minutes-list:focus {{ border: 2px solid palette(highlight); }}
QFrame#minutes-notice {{
    background: {NOTICE_BACKGROUND}; border: 1px solid {NOTICE_BORDER}; border-radius: 4px;
}}
QFrame#minutes-notice[problem="true"] {{
    background: {PROBLEM_BACKGROUND}; border: 2px solid {PROBLEM_BORDER};
}}
QLabel#minutes-kind {{ font-weight: bold; padding: 2px 8px; border-left: 4px solid transparent; }}
QLabel#minutes-kind[kind="decision"] {{ background: #e6eef8; border-left: 4px solid #1d5fa8; }}
QLabel#minutes-keys, QLabel#minutes-attendance {{ color: #4a4a4a; }}
QLabel#readback-progress {{ font-weight: bold; }}
QFrame#readback-card {{ background: #ffffff; border: 1px solid #8a8a86; border-radius: 4px; }}
QFrame#readback-card:focus {{ border: 2px solid palette(highlight); }}
"""

# Read-back text sizes, as factors of the application font.
READ_BACK_TEXT = 1.6
READ_BACK_META = 1.25


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """``base`` (a font that follows the application font) times ``factor``."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font
