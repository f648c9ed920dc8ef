"""The facilitator's controls for the projector: which screen, show or hide, full screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from coprodesk.ui.palette import GRID
from coprodesk.ui.views import name_combo
from coprodesk.ui.widgets import heading

SHOW_TEXT = "Show on projector"
HIDE_TEXT = "Hide the projector"


def screen_words(number: int, screen: QScreen) -> str:
    size = screen.size()
    name = f"Screen {number}: {screen.name()}" if screen.name() else f"Screen {number}"
    return f"{name} ({size.width()} by {size.height()})"


class ProjectorControls(QWidget):
    """Emits ``changed`` whenever the projector should be shown, moved or hidden."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.screen_choice = QComboBox()
        name_combo(self.screen_choice, "Projector screen")
        self.screen_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.screen_choice.setMinimumContentsLength(12)
        label = QLabel("Scr&een")
        label.setBuddy(self.screen_choice)
        self.show_button = QPushButton(SHOW_TEXT)
        self.show_button.setCheckable(True)
        self.show_button.setAutoDefault(False)
        self.show_button.setAccessibleName(SHOW_TEXT)
        self.show_button.setToolTip(f"{SHOW_TEXT} (F5)")
        self.full_screen = QCheckBox("&Full screen")
        self.full_screen.setAccessibleName("Projector full screen")
        self.full_screen.setToolTip("Fill the projector screen (F11 in the projector window)")
        self.full_screen.setChecked(True)
        self.agreement_always = QCheckBox("Show what we agreed at every step")
        self.agreement_always.setAccessibleName(
            "Show what we agreed on the projector at every step"
        )
        self.agreement_always.setToolTip(
            "The group agreement in large print, whatever the step (F6)"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        title = heading("Projector")
        for widget in (
            title,
            label,
            self.screen_choice,
            self.full_screen,
            self.agreement_always,
            self.show_button,
        ):
            layout.addWidget(widget)
        self.show_button.toggled.connect(self._toggled)
        self.full_screen.toggled.connect(lambda _on: self.changed.emit())
        self.screen_choice.currentIndexChanged.connect(lambda _index: self.changed.emit())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(lambda _screen: self.list_screens())
            app.screenRemoved.connect(lambda _screen: self.list_screens())
        self.list_screens()

    def list_screens(self) -> None:
        """List the screens; keep the chosen one, else pick the last (usually the projector)."""
        chosen = self.chosen_screen()
        screens = QGuiApplication.screens()
        self.screen_choice.blockSignals(True)
        self.screen_choice.clear()
        for number, screen in enumerate(screens, start=1):
            self.screen_choice.addItem(screen_words(number, screen))
        index = screens.index(chosen) if chosen in screens else len(screens) - 1
        self.screen_choice.setCurrentIndex(index)
        self.screen_choice.blockSignals(False)
        self.changed.emit()

    def chosen_screen(self) -> QScreen | None:
        screens = QGuiApplication.screens()
        index = self.screen_choice.currentIndex()
        return screens[index] if 0 <= index < len(screens) else None

    def showing(self) -> bool:
        return self.show_button.isChecked()

    def set_showing(self, showing: bool) -> None:
        self.show_button.setChecked(showing)

    def _toggled(self, showing: bool) -> None:
        text = HIDE_TEXT if showing else SHOW_TEXT
        self.show_button.setText(text)
        self.show_button.setAccessibleName(text)
        self.show_button.setToolTip(f"{text} (F5)")
        self.changed.emit()
