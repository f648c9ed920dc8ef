"""The step bar (Welcome ▸ Introductions ▸ … ▸ Close) and the previous and next buttons.

Each step is a button; the current one is checked and bold, and screen readers
hear "current step". Screen readers and tooltips hear where previous and next go.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coprodesk.core.live import STEPS, Step, step_after, step_before
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.look import FontFollower, follow_font
from coprodesk.ui.palette import GRID

ARROW = "▸"


class StepBar(QWidget):
    step_chosen = Signal(object)  # Step

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Steps")
        self.buttons: dict[Step, QPushButton] = {}
        self._fonts: dict[Step, FontFollower] = {}
        flow = FlowLayout(self, spacing=GRID // 2)
        for number, step in enumerate(STEPS, start=1):
            # A step and the arrow after it stay together when the bar wraps.
            cell = QWidget()
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(GRID // 2)
            button = QPushButton(step.label)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(f"{step.label}, step {number} of {len(STEPS)}")
            button.clicked.connect(lambda _checked=False, chosen=step: self._choose(chosen))
            row.addWidget(button)
            if number < len(STEPS):
                row.addWidget(QLabel(ARROW))
            flow.addWidget(cell)
            self.buttons[step] = button
            self._fonts[step] = follow_font(button, 1.0)
        self._current: Step | None = None
        self._enabled = False
        self.show_step(Step.WELCOME, enabled=False)

    def current(self) -> Step | None:
        return self._current

    def show_step(self, current: Step, *, enabled: bool) -> None:
        """Mark ``current``; ``enabled`` is False while the workshop is closed or loading."""
        self._current, self._enabled = current, enabled
        for step, button in self.buttons.items():
            is_current = step is current
            button.setChecked(is_current)
            self._fonts[step].set_bold(is_current)
            button.setAccessibleDescription("Current step" if is_current else "")
            button.setEnabled(enabled or is_current)

    def _choose(self, step: Step) -> None:
        # A click toggles the check; the bar shows the saved step, not the click.
        self.show_step(self._current or step, enabled=self._enabled)
        if step is not self._current:
            self.step_chosen.emit(step)


class StepButtons(QWidget):
    """The previous and next step buttons; the step bar's keyboard shortcuts do the same."""

    back_requested = Signal()
    forward_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.back_button = QPushButton("Previous step")
        self.back_button.clicked.connect(self.back_requested)
        self.forward_button = QPushButton("Next step")
        self.forward_button.clicked.connect(self.forward_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        for button in (self.back_button, self.forward_button):
            button.setAutoDefault(False)
            layout.addWidget(button)
        self.show_step(Step.WELCOME, enabled=False)

    def show_step(self, current: Step, *, enabled: bool) -> None:
        self._name(self.back_button, "Previous step", "Ctrl+Page Up", step_before(current), enabled)
        self._name(self.forward_button, "Next step", "Ctrl+Page Down", step_after(current), enabled)

    @staticmethod
    def _name(button: QPushButton, words: str, keys: str, step: Step | None, enabled: bool) -> None:
        # Short on screen; the name screen readers hear says where it goes.
        name = f"{words}: {step.label}" if step else words
        button.setAccessibleName(name)
        button.setToolTip(f"{name} ({keys})")
        button.setEnabled(enabled and step is not None)
