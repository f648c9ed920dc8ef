"""The projector window: large, high-contrast, and public.

It is fed only ``PublicSnapshot`` values (``show_public``), so nothing private
can reach it: no roles, no counts, no notes. Text starts at 28 pt at 100 %
and grows with the text-size setting; near-white on near-black. When a long
agreement or list would not fit the screen, all of it shrinks together, step by
step, to no less than half that size; if it still does not fit, the list turns
its pages by itself every ``PAGE_SECONDS`` ("What we agreed (1 of 2)"). Showing
it never takes the keyboard from the facilitator. In it, F11 switches full
screen, Escape leaves full screen and F5 hides it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QHideEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from coprodesk.core.live import PublicSnapshot, RoomSummary
from coprodesk.ui.live.look import (
    PROJECTOR_BACKGROUND,
    PROJECTOR_MUTED,
    PROJECTOR_OVER,
    PROJECTOR_TEXT,
    FontFollower,
    follow_font,
)
from coprodesk.ui.live.projector_content import ProjectorContent, projector_content
from coprodesk.ui.palette import BASE_POINT_SIZE, GRID

PROJECTOR_POINT_SIZE = 28.0
# How far text shrinks to fit the screen, largest first: never below half size.
FIT_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
PAGE_SECONDS = 15
TITLE = "CoproDesk projector"
SHORTCUT_GROUP = "In the projector window"


def projector_font() -> QFont:
    """28 pt at 100 % text, scaled like the rest of the app."""
    font = QFont(QApplication.font())
    scale = font.pointSizeF() / BASE_POINT_SIZE
    font.setPointSizeF(PROJECTOR_POINT_SIZE * scale)
    return font


def projector_palette() -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor(PROJECTOR_BACKGROUND))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(PROJECTOR_TEXT))
    return palette


def _label(base: Callable[[], QFont], factor: float = 1.0, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    follow_font(label, factor, bold=bold, base=base)
    _colour(label, PROJECTOR_TEXT)
    return label


def _without_clock(content: ProjectorContent) -> ProjectorContent:
    return replace(content, timer="", over=False)


def _colour(label: QLabel, colour: str) -> None:
    palette = QPalette(label.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class ProjectorWindow(QWidget):
    hidden = Signal()
    full_screen_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(TITLE)
        self.setAccessibleName("Projector")
        # Showing it never takes the keyboard from the facilitator's window.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setPalette(projector_palette())
        self.setAutoFillBackground(True)
        follow_font(self, 1.0, base=projector_font)
        self.resize(GRID * 120, GRID * 68)
        self.fit = 1.0
        """How much the text is shrunk now to fit the window (1.0: not at all)."""
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.fit_to_window)
        self.pages: list[tuple[int, int]] = []
        """When the list is split to fit: where each page starts and ends (else empty)."""
        self._page = 0
        self._page_timer = QTimer(self, interval=PAGE_SECONDS * 1000)
        self._page_timer.setObjectName("page turner")
        self._page_timer.timeout.connect(self.next_page)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._refit.start)

        base = self._fitted_font
        self.header = _label(base)
        self.step = _label(base)
        self.step.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for label in (self.header, self.step):
            _colour(label, PROJECTOR_MUTED)
        self.heading = _label(base, 1.7, bold=True)
        self.lines = _label(base, 1.15)
        self.names_caption = _label(base, bold=True)
        self.names = _label(base)
        self.note_caption = _label(base, bold=True)
        self.note = _label(base)
        self.timer = _label(base, 2.4, bold=True)
        self.room_summary = _label(base, 1.15)  # Group-level only: see show_room_summary.
        self.room_summary.setVisible(False)

        top = QHBoxLayout()
        top.setSpacing(GRID * 4)
        top.addWidget(self.header, 3)
        top.addWidget(self.step, 2)
        self._layout = layout = QVBoxLayout(self)
        # The window keeps the screen's size; the text fits itself to it (fit_to_window).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(GRID * 8, GRID * 6, GRID * 8, GRID * 6)
        layout.setSpacing(GRID * 3)
        layout.addLayout(top)
        layout.addStretch(1)
        for label in (
            self.heading,
            self.lines,
            self.timer,
            self.note_caption,
            self.note,
            self.room_summary,
        ):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.names_caption)
        layout.addWidget(self.names)

        for text, key, slot in (
            ("Projector: full screen or not", Qt.Key.Key_F11, self.toggle_full_screen),
            ("Projector: leave full screen", Qt.Key.Key_Escape, self.leave_full_screen),
            ("Projector: hide", Qt.Key.Key_F5, self.hide),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setProperty("shortcut_group", SHORTCUT_GROUP)
            action.triggered.connect(slot)
            self.addAction(action)
        self._content: ProjectorContent | None = None
        self._public: PublicSnapshot | None = None
        self.agreement_always = False

    def set_agreement_always(self, shown: bool) -> None:
        """Show the group agreement in large print at every step, or only at its own."""
        self.agreement_always = shown
        if self._public is not None:
            self.show_public(self._public)

    def show_public(self, public: PublicSnapshot) -> None:
        """Show this public snapshot; the only way anything reaches the projector."""
        self._public = public
        content = projector_content(public, agreement_always=self.agreement_always)
        if content == self._content:
            return
        # The clock alone changing never moves the page or the text size.
        laid_out = self._content is not None and _without_clock(content) == _without_clock(
            self._content
        )
        self._content = content
        self.header.setText(content.header)
        self.step.setText(content.step)
        self._show_page()
        self._fill(self.names_caption, content.names_caption)
        self._fill(self.names, content.names)
        self._fill(self.note_caption, content.note_caption)
        self._fill(self.note, content.note)
        self._fill(self.timer, content.timer)
        _colour(self.timer, PROJECTOR_OVER if content.over else PROJECTOR_TEXT)
        if not laid_out:
            self.pages, self._page = [], 0
            self._refit.start()

    def show_room_summary(self, summary: RoomSummary | None) -> None:
        """Show (or, with ``None``, hide) the group-level balance summary: never per person."""
        self._fill(self.room_summary, "\n".join(summary.lines) if summary is not None else "")
        self._refit.start()

    # Fitting the screen -------------------------------------------------------------------

    def _fitted_font(self) -> QFont:
        font = projector_font()
        font.setPointSizeF(font.pointSizeF() * self.fit)
        return font

    def _fits(self) -> bool:
        # Text changed just now: drop every layout's remembered heights, nested ones too.
        for layout in (self._layout, *self._layout.findChildren(QLayout)):
            layout.invalidate()
        return self._layout.totalHeightForWidth(self.width()) <= self.height()

    def fit_to_window(self) -> None:
        """The largest text (down to half size) at which everything shown fits the window;
        at half size, the list in pages if it still does not."""
        self.pages = []
        self._show_page()
        followers = self.findChildren(FontFollower)
        for fit in FIT_STEPS:
            self.fit = fit
            for follower in followers:
                follower.apply()
            if self._fits():
                break
        else:
            self.pages = self._split_into_pages()
        self._page = 0
        self._show_page()
        if self.pages:
            self._page_timer.start()
        else:
            self._page_timer.stop()

    def _split_into_pages(self) -> list[tuple[int, int]]:
        lines = self._content.lines if self._content is not None else ()
        self.heading.setText(self._paged_heading(len(lines), len(lines)))  # the widest count
        pages = []
        start = 0
        while start < len(lines):
            end = start + 1
            while end < len(lines):
                self._fill(self.lines, "\n".join(lines[start : end + 1]))
                if not self._fits():
                    break
                end += 1
            pages.append((start, end))
            start = end
        return pages if len(pages) > 1 else []

    def _paged_heading(self, page: int, count: int) -> str:
        heading = self._content.heading if self._content is not None else ""
        return f"{heading} ({page} of {count})"

    def _show_page(self) -> None:
        if self._content is None:
            return
        lines = self._content.lines
        heading = self._content.heading
        if self.pages:
            start, end = self.pages[self._page]
            lines = lines[start:end]
            heading = self._paged_heading(self._page + 1, len(self.pages))
        self.heading.setText(heading)
        self._fill(self.lines, "\n".join(lines))

    def next_page(self) -> None:
        """Turn to the list's next page (by itself every ``PAGE_SECONDS`` when it has pages)."""
        if self.pages:
            self._page = (self._page + 1) % len(self.pages)
            self._show_page()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit.start()

    @staticmethod
    def _fill(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def texts(self) -> list[str]:
        """Every piece of text on the projector now (for tests and checks)."""
        return [self.windowTitle()] + [label.text() for label in self.findChildren(QLabel)]

    # Where and how it shows ---------------------------------------------------------------

    def show_on(self, screen: QScreen, *, full_screen: bool) -> None:
        if self.screen() is not screen:
            self.setScreen(screen)
            area = screen.availableGeometry()
            self.move(area.topLeft())
        self.set_full_screen(full_screen)

    def is_full_screen(self) -> bool:
        return bool(self.windowState() & Qt.WindowState.WindowFullScreen)

    def set_full_screen(self, full_screen: bool) -> None:
        if full_screen:
            self.showFullScreen()
        else:
            self.showNormal()

    def leave_full_screen(self) -> None:
        self.set_full_screen(False)

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self.is_full_screen())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.full_screen_changed.emit(self.is_full_screen())

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.hidden.emit()
