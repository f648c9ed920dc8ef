"""The facilitator's side panel, marked "Only you see this": who is here, and late arrivals.

Later features (prompts, who has spoken) add their own sections with ``add_section``;
``soon=True`` puts one straight under the people, where the eye falls first.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coprodesk.core.live_view import LiveView
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.pages.base import button
from coprodesk.ui.palette import GRID
from coprodesk.ui.private import PrivateArea
from coprodesk.ui.widgets import heading


class SidePanel(QWidget):
    late_arrival_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.area = PrivateArea()
        self.people_heading = heading("People")
        self.present = QLabel()
        self.in_writing = QLabel()
        self.apologies = QLabel()
        self.not_marked = QLabel()
        self.late_button = button("Someone arrived &late", "Someone arrived late")
        self.late_button.setToolTip("Add someone by name and mark them present (Ctrl+L)")
        self.late_button.clicked.connect(self.late_arrival_requested)
        self.area.add_widget(self.people_heading)
        counts = QWidget()
        # Side by side while they fit.
        flow = FlowLayout(counts, spacing=GRID * 3, line_spacing=GRID)
        for label in (self.present, self.in_writing, self.apologies, self.not_marked):
            flow.addWidget(label)
        self.area.add_widget(counts)
        self.area.add_widget(self.late_button)
        self._soon = self.area.contents.count()  # where a ``soon`` section goes
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(GRID * 2)
        self._layout.addWidget(self.area)

    def add_section(self, widget: QWidget, *, soon: bool = False) -> None:
        """Add a private section at the end, or (``soon``) straight under the people."""
        if soon:
            self.area.contents.insertWidget(self._soon, widget)
            self._soon += 1
        else:
            self.area.add_widget(widget)

    def show_view(self, view: LiveView) -> None:
        snapshot = view.snapshot
        marked = snapshot.present + snapshot.in_writing + snapshot.apologies
        self.present.setText(f"Present: {snapshot.present}")
        self.in_writing.setText(f"In writing: {snapshot.in_writing}")
        self.apologies.setText(f"Apologies: {snapshot.apologies}")
        self.not_marked.setText(f"Not marked yet: {len(view.people) - marked}")
        self.late_button.setEnabled(not view.closed)

    def counts_text(self) -> str:
        return " · ".join(
            label.text()
            for label in (self.present, self.in_writing, self.apologies, self.not_marked)
        )
