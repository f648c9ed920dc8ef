"""What we agreed: the facilitator writes the group agreement with the room and runs the
consent round.

    ┌ What we agreed ──────────────────────────────┬ Consent round ─────────────────┐
    │ Version 2, made in "Opening hours" …          │ Person [Bashir Haddad (BH) ▾]  │
    │ (revisiting: Keep it as it is)                │ BH has not answered 3 yet.     │
    │ 1. We listen …      Agreed ✓ by AR, MO …      │ [Agrees] [Asks for a change]   │
    │ 2. …                Not yet agreed: …         │ What would they change? [____] │
    │ [Move up] [Move down] [Change the words] [Remove] │ Still to ask: …            │
    │ Write a statement [______________] [Add]      │ [Show earlier versions]        │
    │ From the starter set [▾] [Add this one]       │                                │
    └───────────────────────────────────────────────┴────────────────────────────────┘

Keys in the list of statements: A agrees for the chosen person, C asks for a
change (the note field takes the words), F2 changes the words, Delete removes
(Undo puts it back), Ctrl+Up and Ctrl+Down move it. Every change is saved at once.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coprodesk.core import agreements
from coprodesk.core.agreements import AgreementView, StatementView, VersionView
from coprodesk.core.live import Step
from coprodesk.core.models import ConsentStatus
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.agreement_session import AgreementSession
from coprodesk.ui.live.look import LARGE, follow_font, make_primary, set_shown, set_text
from coprodesk.ui.live.pages.base import StepPage, button
from coprodesk.ui.live.pages.rounds import caption
from coprodesk.ui.palette import GRID
from coprodesk.ui.views import list_view, name_combo
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

EMPTY_TEXT = (
    "No group agreement yet. Write it with the group: start from the starter set and change "
    "it together, or start with a blank page. It shows on the projector as you go."
)
KEYS_TEXT = (
    "In the list: A agrees, C asks for a change, F2 changes the words, Delete removes, "
    "Ctrl+Up and Ctrl+Down move."
)
ROUND_TEXT = (
    "Ask each person here about each statement: they agree, or ask for a change. "
    "A statement is agreed when no one has a change still open."
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def statement_words(statement: StatementView) -> tuple[str, str]:
    """(shown, spoken) for one statement: its words, then where it stands."""
    if statement.agreed:
        status = f"Agreed ✓ by {', '.join(statement.agreed_by)}"
        spoken = f"Agreed by {', '.join(statement.agreed_by)}"
    else:
        asked = "; ".join(
            f"{each.initials} asked for a change" + (f": “{each.note}”" if each.note else "")
            for each in statement.change_asked
        )
        status = "Not yet agreed" + (f" · {asked}" if asked else "")
        if statement.agreed_by:
            status += f" · agreed by {', '.join(statement.agreed_by)}"
        spoken = status
    if statement.waiting_for:
        still = f" · still to answer: {', '.join(statement.waiting_for)}"
        status += still
        spoken += still
    first = f"{statement.number}. {statement.text}"
    return f"{first}\n    {status}", f"{first} {spoken}."


def history_words(versions: list[VersionView]) -> str:
    if len(versions) <= 1:
        return "There are no earlier versions: this is the first."
    blocks = []
    for version in versions:
        made = f" in “{version.made_in}”" if version.made_in else ""
        when = f"{version.made_at.day} {version.made_at:%B %Y}"
        lines = [f"Version {version.number}, made{made} on {when}."]
        if version.note:
            lines.append(version.note)
        lines += [f"  {n}. {text}" for n, text in enumerate(version.statements, start=1)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class AgreementPage(StepPage):
    step = Step.AGREEMENT
    minutes_changed = Signal()  # keeping the agreement wrote a decision into the minutes

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.agreement = AgreementSession(live, self)
        self.agreement.changed.connect(self.show_agreement)
        self.agreement.refused.connect(self.show_refusal)
        self.view: AgreementView | None = None
        self._editing: uuid.UUID | None = None
        self._removed: agreements.RemovedStatement | None = None
        self._closed = False
        self._build()

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = hint("")
        follow_font(self.summary, LARGE)
        self.notice = hint("")
        self.notice.setProperty("role", "notice")
        self.notice.hide()

        # No agreement yet.
        self.start_box = QWidget()
        self.starter_button = button("Start from the starter set", "Start from the starter set")
        make_primary(self.starter_button)
        self.starter_button.clicked.connect(self.start_from_starter_set)
        self.blank_button = button("Start with a blank page", "Start with a blank page")
        self.blank_button.clicked.connect(self.start_blank)
        start_layout = QVBoxLayout(self.start_box)
        start_layout.setContentsMargins(0, 0, 0, 0)
        start_layout.addWidget(hint(EMPTY_TEXT))
        start_row = FlowLayout()
        start_row.addWidget(self.starter_button)
        start_row.addWidget(self.blank_button)
        start_layout.addLayout(start_row)

        # The next workshop opens by revisiting it.
        self.revisit_box = QWidget()
        self.revisit_words = hint("")
        self.keep_button = button("Keep it as it is", "Keep the agreement as it is")
        self.keep_button.setToolTip("Records in the minutes that the group kept the agreement")
        self.keep_button.clicked.connect(self.keep)
        revisit_layout = QVBoxLayout(self.revisit_box)
        revisit_layout.setContentsMargins(0, 0, 0, 0)
        revisit_layout.addWidget(self.revisit_words)
        revisit_layout.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignLeft)

        # The statements, and changing them.
        self.model = QStandardItemModel(self)
        self.statements = list_view(self.model, "Statements", "The group agreement, numbered")
        self.statements.setSpacing(4)
        self.statements.setMinimumHeight(GRID * 36)
        follow_font(self.statements, LARGE)
        self.title.setBuddy(self.statements)
        self.statements.installEventFilter(self)
        self.statements.selectionModel().currentChanged.connect(
            lambda _now, _before: self._show_answer()
        )
        self.up_button = button("Move up", "Move the statement up")
        self.up_button.setToolTip("Ctrl+Up in the list")
        self.up_button.clicked.connect(lambda: self.move_chosen(-1))
        self.down_button = button("Move down", "Move the statement down")
        self.down_button.setToolTip("Ctrl+Down in the list")
        self.down_button.clicked.connect(lambda: self.move_chosen(+1))
        self.edit_button = button("Change the words", "Change the words of the statement")
        self.edit_button.setToolTip("F2 in the list")
        self.edit_button.clicked.connect(self.begin_edit)
        self.remove_button = button("Remove", "Remove the statement")
        self.remove_button.setToolTip("Delete in the list; Undo puts it back")
        self.remove_button.clicked.connect(self.remove_chosen)
        statement_row = FlowLayout()
        for each in (self.up_button, self.down_button, self.edit_button, self.remove_button):
            statement_row.addWidget(each)
        self.undo_words = hint("")
        self.undo_button = button("&Undo", "Undo the removal")
        self.undo_button.setToolTip("Ctrl+Z")
        self.undo_button.clicked.connect(self.undo_removal)
        self.undo_bar = QWidget()
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        undo_layout.addWidget(self.undo_words, 1)
        undo_layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.undo_bar.hide()
        self.undo_action = QAction("Undo the removal of a statement", self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo_removal)
        self.addAction(self.undo_action)

        self.writer = QLineEdit()
        self.writer.setAccessibleName("Write a statement")
        self.writer.setPlaceholderText("For example: We start and finish on time.")
        self.writer.returnPressed.connect(self.save_written)
        self.writer.installEventFilter(self)
        self.writer_label = caption("&Write a statement", self.writer)
        self.add_button = button("Add statement", "Add the statement")
        self.add_button.clicked.connect(self.save_written)
        self.stop_button = button("Stop changing", "Stop changing the words")
        self.stop_button.setToolTip("Escape")
        self.stop_button.clicked.connect(self.end_edit)
        self.stop_button.hide()
        write_row = FlowLayout()
        write_row.addWidget(self.add_button)
        write_row.addWidget(self.stop_button)
        self.starter_choice = QComboBox()
        name_combo(self.starter_choice, "From the starter set")
        self.starter_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.starter_choice.setMinimumContentsLength(20)
        self.starter_label = caption("From the &starter set", self.starter_choice)
        self.starter_add = button("Add this one", "Add the statement from the starter set")
        self.starter_add.clicked.connect(self.add_starter)

        self.edit_box = QWidget()
        edit_layout = QVBoxLayout(self.edit_box)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.setSpacing(GRID)
        edit_layout.addWidget(heading("Change the agreement"))
        edit_layout.addLayout(statement_row)
        edit_layout.addWidget(self.undo_bar)
        for field in (self.writer_label, self.writer, self.starter_label, self.starter_choice):
            if field is self.starter_label:
                edit_layout.addLayout(write_row)
            edit_layout.addWidget(field)
        edit_layout.addWidget(self.starter_add, 0, Qt.AlignmentFlag.AlignLeft)
        edit_layout.addWidget(hint(KEYS_TEXT))

        # The consent round.
        self.round_box = QWidget()
        self.person_choice = QComboBox()
        name_combo(self.person_choice, "Person answering")
        self.person_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person_choice.setMinimumContentsLength(16)
        self.person_choice.currentIndexChanged.connect(lambda _index: self._person_chosen())
        self.answer_words = hint("")
        self.agree_button = button("&Agrees", "Agrees to the statement")
        make_primary(self.agree_button)
        self.agree_button.setToolTip("A in the list")
        self.agree_button.clicked.connect(self.agree)
        self.change_note = QLineEdit()
        self.change_note.setAccessibleName("What would they change? (optional)")
        self.change_note.returnPressed.connect(self.ask_change)
        self.change_button = button("Asks for a change", "Asks for a change to the statement")
        self.change_button.setToolTip("C in the list, then type what they would change")
        self.change_button.clicked.connect(self.ask_change)
        self.all_button = button("Agrees to all the rest", "Agrees to all the statements left")
        self.all_button.clicked.connect(self.agree_to_all)
        self.clear_button = button("Take back the answer", "Take back the answer")
        self.clear_button.clicked.connect(self.clear_answer)
        self.to_ask = hint("")
        answer_row = FlowLayout()
        answer_row.addWidget(self.agree_button)
        answer_row.addWidget(self.all_button)
        change_row = FlowLayout()
        change_row.addWidget(self.change_button)
        change_row.addWidget(self.clear_button)
        round_layout = QVBoxLayout(self.round_box)
        round_layout.setContentsMargins(0, 0, 0, 0)
        round_layout.setSpacing(GRID)
        round_layout.addSpacing(GRID)
        round_layout.addWidget(heading("Consent round"))
        round_layout.addWidget(hint(ROUND_TEXT))
        round_layout.addWidget(caption("&Person", self.person_choice))
        round_layout.addWidget(self.person_choice)
        round_layout.addWidget(self.answer_words)
        round_layout.addLayout(answer_row)
        round_layout.addWidget(caption("What would they c&hange? (optional)", self.change_note))
        round_layout.addWidget(self.change_note)
        round_layout.addLayout(change_row)
        round_layout.addWidget(self.to_ask)

        self.history_button = button("Show earlier versions", "Show earlier versions")
        self.history_button.setCheckable(True)
        self.history_button.toggled.connect(self._history_toggled)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setAccessibleName("Earlier versions of the agreement")
        self.history.setMinimumHeight(GRID * 40)
        self.history.hide()
        self.agreement.history_read.connect(self._show_history)

        for part in (self.summary, self.notice, self.start_box, self.revisit_box):
            self.layout_.addWidget(part)
        self.layout_.addWidget(self.statements, 10)
        self.layout_.addWidget(self.round_box)
        self.layout_.addWidget(self.edit_box)
        self.layout_.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.history)
        self.layout_.addStretch(1)

        order = [
            self.starter_button,
            self.blank_button,
            self.keep_button,
            self.statements,
            self.person_choice,
            self.agree_button,
            self.all_button,
            self.change_note,
            self.change_button,
            self.clear_button,
            self.up_button,
            self.down_button,
            self.edit_button,
            self.remove_button,
            self.undo_button,
            self.writer,
            self.add_button,
            self.stop_button,
            self.starter_choice,
            self.starter_add,
            self.history_button,
            self.history,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # Showing ------------------------------------------------------------------------------

    def show_view(self, view: LiveView) -> None:
        """The live view changed (people marked present, a step moved): read again."""
        self._closed = view.closed
        self.agreement.load()

    def first_focus(self) -> QWidget | None:
        if self.view is not None and not self.view.exists:
            return self.starter_button
        return self.statements

    def show_agreement(self, view: AgreementView) -> None:
        self.view = view
        exists = view.exists
        open_ = not self._closed
        set_shown(self.start_box, not exists and open_)
        set_shown(self.statements, exists)
        set_shown(self.edit_box, exists and open_)
        set_shown(self.round_box, exists and bool(view.statements) and open_)
        set_shown(self.history_button, exists)
        show_revisit = exists and view.revisiting and open_
        set_shown(self.revisit_box, show_revisit)
        if show_revisit:
            set_text(self.revisit_words, self._revisit_text(view))
            set_shown(self.keep_button, not view.kept_here)
        set_text(self.summary, self._summary_text(view))
        set_shown(self.summary, exists)
        self._fill_statements(view)
        self._fill_people(view)
        self._fill_starters(view)
        self._show_answer()
        if self.history.isVisible():
            self.agreement.load_history()

    @staticmethod
    def _summary_text(view: AgreementView) -> str:
        if not view.exists:
            return ""
        made = f", made in “{view.made_in}”" if view.made_in else ""
        agreed = sum(1 for s in view.statements if s.agreed)
        count = len(view.statements)
        if not count:
            return f"Version {view.number}{made}. No statements yet: write the first below."
        if view.agreed:
            return f"Version {view.number}{made}. Everyone here has agreed all {count} statements."
        waiting = len(view.to_ask)
        people = (
            f"; {waiting} {'person' if waiting == 1 else 'people'} still to ask" if waiting else ""
        )
        return f"Version {view.number}{made}. {agreed} of {count} statements agreed{people}."

    @staticmethod
    def _revisit_text(view: AgreementView) -> str:
        if view.kept_here:
            return "The group kept it as it is: that is in the minutes."
        return (
            "Read it again together. Keep it as it is, change a statement, or add one; a "
            "change makes a new version and the old one is kept. People who have not agreed "
            "to it yet are asked in the consent round."
        )

    def _fill_statements(self, view: AgreementView) -> None:
        row = max(0, self.statements.currentIndex().row())
        self.model.clear()
        for statement in view.statements:
            shown, spoken = statement_words(statement)
            item = QStandardItem(shown)
            item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
            item.setData(statement.id, ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.statements.setCurrentIndex(
                self.model.index(min(row, self.model.rowCount() - 1), 0)
            )

    def _fill_people(self, view: AgreementView) -> None:
        chosen = self.person_choice.currentData()
        self.person_choice.blockSignals(True)
        self.person_choice.clear()
        for person in view.people:
            done = "agreed to all ✓" if person.done else f"{person.agreed} of {person.total} agreed"
            self.person_choice.addItem(
                f"{person.name} ({person.initials}), {done}", str(person.participant_id)
            )
        index = self.person_choice.findData(chosen)
        if index < 0:
            index = next((n for n, person in enumerate(view.people) if not person.done), 0)
        self.person_choice.setCurrentIndex(index if view.people else -1)
        self.person_choice.blockSignals(False)
        if not view.people:
            text = "No one is marked present yet. Mark people present in Introductions first."
        elif view.to_ask:
            names = ", ".join(f"{p.name} ({p.initials})" for p in view.to_ask)
            text = f"Still to agree to every statement: {names}."
        else:
            text = "Everyone here has agreed to every statement."
        set_text(self.to_ask, text)

    def _fill_starters(self, view: AgreementView) -> None:
        used = {statement.text for statement in view.statements}
        self.starter_choice.clear()
        for starter in agreements.starter_statements():
            if starter.text not in used:
                self.starter_choice.addItem(f"{starter.theme}: {starter.text}", starter.text)
        self.starter_add.setEnabled(self.starter_choice.count() > 0)
        self.starter_choice.setEnabled(self.starter_choice.count() > 0)

    def _show_answer(self) -> None:
        statement, person = self.chosen_statement(), self._person()
        has_both = statement is not None and person is not None
        for widget in (self.agree_button, self.change_button, self.change_note, self.clear_button):
            widget.setEnabled(has_both)
        self.all_button.setEnabled(person is not None and not person.done)
        for widget in (self.up_button, self.down_button, self.edit_button, self.remove_button):
            widget.setEnabled(statement is not None)
        if statement is None or person is None:
            set_text(self.answer_words, "")
            return
        answer = statement.answer_of(person.initials)
        if answer is ConsentStatus.AGREED:
            words = f"{person.initials} agrees to statement {statement.number}."
        elif answer is ConsentStatus.CHANGE_ASKED:
            words = f"{person.initials} asked for a change to statement {statement.number}."
        else:
            words = f"{person.initials} has not answered statement {statement.number} yet."
        set_text(self.answer_words, words)
        self.clear_button.setEnabled(answer is not None)

    def show_refusal(self, message: str) -> None:
        self.notice.setText(message)
        self.notice.show()

    def reveal(self, widget: QWidget) -> None:
        """Give ``widget`` the keyboard and scroll the page so that it is in view."""
        widget.setFocus()
        scroller = self.parentWidget()
        while scroller is not None and not isinstance(scroller, QScrollArea):
            scroller = scroller.parentWidget()
        if scroller is not None:
            scroller.ensureWidgetVisible(widget, GRID * 2, GRID * 6)

    # Choosing -----------------------------------------------------------------------------

    def chosen_statement(self) -> StatementView | None:
        if self.view is None:
            return None
        return self.view.statement(self.statements.currentIndex().row() + 1)

    def _person(self) -> agreements.PersonToAsk | None:
        if self.view is None:
            return None
        chosen = self.person_choice.currentData()
        return next((p for p in self.view.people if str(p.participant_id) == chosen), None)

    def choose_person(self, initials: str) -> None:
        if self.view is None:
            return
        for index, person in enumerate(self.view.people):
            if person.initials == initials:
                self.person_choice.setCurrentIndex(index)

    def choose_statement(self, number: int) -> None:
        if 0 < number <= self.model.rowCount():
            self.statements.setCurrentIndex(self.model.index(number - 1, 0))

    def _person_chosen(self) -> None:
        self._go_to_unanswered()
        self._show_answer()

    def _go_to_unanswered(self, after: int = 0) -> None:
        """Choose the person's next unanswered statement (after ``after``), if any."""
        person = self._person()
        if self.view is None or person is None:
            return
        numbers = [s.number for s in self.view.statements if s.answer_of(person.initials) is None]
        later = [n for n in numbers if n > after] or numbers
        if later:
            self.choose_statement(later[0])

    def _next_in_round(self, number: int) -> None:
        """After an answer: this person's next statement, or the next person to ask."""
        view, person = self.view, self._person()
        if view is None or person is None:
            return
        current = next((p for p in view.people if p.participant_id == person.participant_id), None)
        unanswered = [
            s for s in view.statements if current and s.answer_of(current.initials) is None
        ]
        if unanswered:
            self._go_to_unanswered(number)
            return
        waiting = [
            p for p in view.people if any(s.answer_of(p.initials) is None for s in view.statements)
        ]
        if waiting:
            self.choose_person(waiting[0].initials)

    # Changing the statements --------------------------------------------------------------

    def _change(
        self, write: Callable[[Session], Any], then: Callable[[Any], None] | None = None
    ) -> None:
        """Save a change. Undo only ever offers the latest removal, and only until the next
        change, so that it can never reach into a version made since."""
        self.notice.hide()
        self._removed = None
        self.undo_bar.hide()
        self.agreement.change(write, then)

    def start_from_starter_set(self) -> None:
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: agreements.start_from_starter_set(session, workshop_id),
            lambda _result: self.statements.setFocus(),
        )

    def start_blank(self) -> None:
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: agreements.start_agreement(session, workshop_id),
            lambda _result: self.reveal(self.writer),
        )

    def keep(self) -> None:
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: agreements.keep_agreement(session, workshop_id),
            lambda _result: self.minutes_changed.emit(),
        )

    def save_written(self) -> None:
        text = self.writer.text()
        workshop_id = self.live.workshop_id
        editing = self._editing
        if editing is not None:
            row = self.statements.currentIndex().row()

            def edited(_result: object) -> None:
                self.end_edit()
                self.choose_statement(row + 1)

            self._change(
                lambda session: agreements.edit_statement(session, workshop_id, editing, text),
                edited,
            )
            return

        def added(_result: object) -> None:
            self.writer.clear()
            self.choose_statement(self.model.rowCount())

        self._change(lambda session: agreements.add_statement(session, workshop_id, text), added)

    def add_starter(self) -> None:
        text = self.starter_choice.currentData()
        if not isinstance(text, str):
            return
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: agreements.add_statement(session, workshop_id, text),
            lambda _result: self.choose_statement(self.model.rowCount()),
        )

    def begin_edit(self) -> None:
        statement = self.chosen_statement()
        if statement is None:
            return
        self._editing = statement.id
        self.writer.setText(statement.text)
        self.writer_label.setText(f"Change the &words of statement {statement.number}")
        self.add_button.setText("Save the new words")
        self.add_button.setAccessibleName("Save the new words")
        self.stop_button.show()
        self.reveal(self.writer)
        self.writer.selectAll()

    def end_edit(self) -> None:
        self._editing = None
        self.writer.clear()
        self.writer_label.setText("&Write a statement")
        self.add_button.setText("Add statement")
        self.add_button.setAccessibleName("Add the statement")
        self.stop_button.hide()

    def move_chosen(self, by: int) -> None:
        statement = self.chosen_statement()
        if statement is None:
            return
        workshop_id, target = self.live.workshop_id, statement.number + by
        self._change(
            lambda session: agreements.move_statement(session, workshop_id, statement.id, target),
            lambda _result: self.choose_statement(target),
        )

    def remove_chosen(self) -> None:
        statement = self.chosen_statement()
        if statement is None:
            return
        workshop_id = self.live.workshop_id

        def removed(result: object) -> None:
            assert isinstance(result, agreements.RemovedStatement)
            self._removed = result
            self.undo_words.setText(f"Removed statement {statement.number}: “{statement.text}”")
            self.undo_button.setAccessibleDescription(self.undo_words.text())
            self.undo_bar.show()

        self._change(
            lambda session: agreements.remove_statement(session, workshop_id, statement.id),
            removed,
        )

    def undo_removal(self) -> None:
        removed = self._removed
        if removed is None:
            return
        self._removed = None
        self.undo_bar.hide()
        number = removed.removed.values["position"]
        self._change(
            lambda session: agreements.restore_statement(session, removed),
            lambda _result: self.choose_statement(number),
        )

    # The consent round --------------------------------------------------------------------

    def _answer(self, status: ConsentStatus) -> None:
        statement, person = self.chosen_statement(), self._person()
        if statement is None or person is None:
            return
        note = self.change_note.text() if status is ConsentStatus.CHANGE_ASKED else ""
        workshop_id, number = self.live.workshop_id, statement.number

        def write(session: Session) -> None:
            agreements.record_answer(
                session, workshop_id, statement.id, person.participant_id, status, note
            )

        def answered(_result: object) -> None:
            self.change_note.clear()
            self._next_in_round(number)
            self.reveal(self.statements)

        self._change(write, answered)

    def agree(self) -> None:
        self._answer(ConsentStatus.AGREED)

    def ask_change(self) -> None:
        self._answer(ConsentStatus.CHANGE_ASKED)

    def agree_to_all(self) -> None:
        person = self._person()
        if person is None:
            return
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: agreements.agree_to_all(session, workshop_id, person.participant_id),
            lambda _result: self._next_in_round(0),
        )

    def clear_answer(self) -> None:
        statement, person = self.chosen_statement(), self._person()
        if statement is None or person is None:
            return
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: agreements.clear_answer(
                session, workshop_id, statement.id, person.participant_id
            )
        )

    # History ------------------------------------------------------------------------------

    def _history_toggled(self, shown: bool) -> None:
        text = "Hide earlier versions" if shown else "Show earlier versions"
        self.history_button.setText(text)
        self.history_button.setAccessibleName(text)
        self.history.setVisible(shown)
        if shown:
            self.agreement.load_history()

    def _show_history(self, versions: list[VersionView]) -> None:
        self.history.setPlainText(history_words(versions))

    # Keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.statements and self._list_key(event):
                return True
            if watched is self.writer and event.key() == Qt.Key.Key_Escape and self._editing:
                self.end_edit()
                self.statements.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _list_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        if self._closed:
            return False
        if ctrl and key == Qt.Key.Key_Up:
            self.move_chosen(-1)
        elif ctrl and key == Qt.Key.Key_Down:
            self.move_chosen(+1)
        elif mods & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        elif key == Qt.Key.Key_Delete:
            self.remove_chosen()
        elif key == Qt.Key.Key_F2:
            self.begin_edit()
        elif key == Qt.Key.Key_A:
            self.agree()
        elif key == Qt.Key.Key_C:
            self.reveal(self.change_note)
        else:
            return False
        return True
