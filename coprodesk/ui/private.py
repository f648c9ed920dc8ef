"""The "Only you see this" marker, the same on every screen.

Anything private to the facilitator (roles, contact details, prompts, notes)
sits inside a ``PrivateArea``: a dashed, tinted frame that starts with the
marker, so the facilitator can tell at a glance what never reaches the
projector. Colour is not the only signal: the marker is words.

    area = PrivateArea("Roles stay private unless the person agrees to share theirs.")
    area.add_widget(some_table)

Use ``PrivateMarker`` alone where a whole panel is private and has its own frame,
and ``set_marked`` for an area that shows private things only on request.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from coprodesk.ui.palette import GRID

PRIVATE_MARKER_TEXT = "Only you see this"


class PrivateMarker(QLabel):
    """The words "Only you see this", optionally followed by why, in the marker style."""

    def __init__(self, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "private-marker")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_detail(detail)

    def set_detail(self, detail: str) -> None:
        text = f"{PRIVATE_MARKER_TEXT}. {detail}" if detail else PRIVATE_MARKER_TEXT
        self.setText(text)
        self.setAccessibleName(text)


class PrivateArea(QFrame):
    """A framed area for private things; the marker comes first, then its contents."""

    def __init__(self, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "private")
        self.setAccessibleName(PRIVATE_MARKER_TEXT)
        self.marker = PrivateMarker(detail)
        self.contents = QVBoxLayout(self)
        self.contents.setContentsMargins(GRID * 2, GRID, GRID * 2, GRID * 2)
        self.contents.setSpacing(GRID)
        self.contents.addWidget(self.marker)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.contents.addWidget(widget, stretch)

    def set_marked(self, marked: bool) -> None:
        """Frame and mark the area (when it shows private things), or show it plainly.

        For areas that hold private things only on request, such as a list with
        a "Show private details" tick.
        """
        self.setProperty("role", "private" if marked else "")
        self.setAccessibleName(PRIVATE_MARKER_TEXT if marked else "")
        self.marker.setVisible(marked)
        margin = GRID * 2 if marked else 0
        self.contents.setContentsMargins(margin, GRID if marked else 0, margin, margin)
        self.style().unpolish(self)
        self.style().polish(self)
