"""The coordinator's desk for one series: people, fair load, totals and the finance export.

After the workshops, the coordinator comes here to recognise what each person
gave (time, writing, actions done), record how they would like to be thanked
and what they are owed, keep the load fair across every series, and export
for finance. Everything here is private ("Only you see this") and saved the
moment it is changed, on the database worker.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coprodesk.core.models import ExpenseKind, ExpenseStatus, RecompenseChoice
from coprodesk.core.recognition import plain_duration
from coprodesk.core.recompense import (
    BENEFITS_NOTE,
    CHOICE_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    PersonDesk,
    Totals,
    format_pounds,
)
from coprodesk.ui.coordinator.data import DeskData, read_desk
from coprodesk.ui.coordinator.settings import read_ratio, save_ratio
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID
from coprodesk.ui.private import PrivateMarker
from coprodesk.ui.setup.fields import Field
from coprodesk.ui.setup.page import (
    Services,
    SetupPage,
    plain_button,
    scrolling,
    section,
)
from coprodesk.ui.views import read_only
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.core.fair_load import FairLoad
    from coprodesk.core.recognition import WorkshopPart
    from coprodesk.core.recompense import ExpenseView
    from coprodesk.ui.export_dialog import ExportDialog

PRIVATE_DETAIL = (
    "Names and money on this desk never reach the projector, the minutes, a workshop "
    "bundle or anything made about someone else."
)
NO_PEOPLE = "No one is in this series yet. Add people on the series' People tab."
NO_WORKSHOPS = "This series has no workshops yet."
TOOK_PART_WORDS = {
    None: "Their part is not recorded for this workshop.",
    "present": "Took part in the room.",
    "in_writing": "Took part in writing.",
    "apologies": "Sent apologies.",
}
CSV_FILTER = "CSV files (*.csv)"

ChoosePath = Callable[[QWidget, str], Path | None]


def choose_csv_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save the finance CSV (a file dialog; None when cancelled)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Export for finance (CSV)", str(Path.home() / suggested), CSV_FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def _table(name: str, headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    read_only(table, name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fit_rows(table: QTableWidget, *, least: int) -> None:
    """Make ``table`` as tall as its rows (room for ``least`` when fewer), so the page scrolls."""
    table.resizeRowsToContents()
    rows = table.rowCount()
    height = table.horizontalHeader().sizeHint().height()
    height += sum(table.rowHeight(row) for row in range(rows))
    height += max(0, least - rows) * (table.fontMetrics().height() + GRID)
    table.setFixedHeight(height + table.frameWidth() * 2 + GRID // 2)


def _date_words(on: date | None) -> str:
    return on.strftime("%d %b %Y") if on else "no date"


def totals_words(totals: Totals) -> str:
    lines = [
        f"Owed: £{format_pounds(totals.owed)}. Given: £{format_pounds(totals.given)}. "
        f"Altogether: £{format_pounds(totals.total)}, for {totals.people} "
        f"{'person' if totals.people == 1 else 'people'} in {totals.workshops} "
        f"{'workshop' if totals.workshops == 1 else 'workshops'}."
    ]
    kinds = [f"{KIND_LABELS[kind]} £{format_pounds(amount)}" for kind, amount in totals.by_kind]
    lines.append("By kind: " + ", ".join(kinds) + ".")
    return "\n".join(lines)


class CoordinatorDesk(SetupPage):
    """The coordinator's private desk for one series."""

    def __init__(
        self,
        services: Services,
        series_id: uuid.UUID,
        *,
        today: date | None = None,
        choose_path: ChoosePath = choose_csv_path,
    ) -> None:
        super().__init__(services, "Coordinator's desk")
        self.series_id = series_id
        self.today = today or date.today()
        self.choose_path = choose_path
        self.data: DeskData | None = None
        self._person_id: uuid.UUID | None = None
        self._workshop_id: uuid.UUID | None = None
        self._filling = False
        self.exported: Path | None = None
        self.export_dialog: ExportDialog | None = None  # the PDF export, while it is open

        self.marker = PrivateMarker(PRIVATE_DETAIL)
        self.body.addWidget(self.marker)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Coordinator's desk")
        self.tabs.addTab(self._build_people(), "&People")
        self.tabs.addTab(scrolling(self._build_fair_load()), "&Fair load")
        self.tabs.addTab(scrolling(self._build_totals()), "&Totals and export")
        self.tabs.tabBar().setAccessibleName("Parts of the coordinator's desk")
        self.body.addWidget(self.tabs, 1)
        for combo in self.findChildren(QComboBox):
            combo.view().setAccessibleName(f"Choices for {combo.accessibleName()}")

    # Building -------------------------------------------------------------------------------

    def _build_people(self) -> QWidget:
        self.people_list = QListWidget()
        self.people_list.setAccessibleName("People in this series")
        self.people_list.setAccessibleDescription(
            "Each person with the time they gave and what they are owed"
        )
        self.people_list.setWordWrap(True)
        self.people_list.setAlternatingRowColors(True)
        self.people_list.currentItemChanged.connect(lambda *_: self._person_chosen())
        self.people_empty = hint(NO_PEOPLE)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(section("People", self.people_list))
        left_layout.addWidget(self.people_empty)
        left_layout.addWidget(self.people_list, 1)

        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(GRID, 0, 0, 0)
        layout.setSpacing(GRID * 2)
        self.person_heading = section("")
        self.recognition_text = hint("")
        self.recognition_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.person_heading)
        layout.addWidget(self.recognition_text)

        layout.addWidget(section("How they would like to be thanked"))
        self.choice = QComboBox()
        for choice, label in CHOICE_LABELS.items():
            self.choice.addItem(label, choice.value)
        self.choice_field = Field("Their &choice", self.choice, BENEFITS_NOTE, chars=30)
        self.choice.activated.connect(lambda _index: self._save_choice())
        layout.addWidget(self.choice_field)
        self.choice_note = QLineEdit()
        self.choice_note_field = Field(
            "&Note about their choice", self.choice_note, "For example: which shop's voucher."
        )
        self.choice_note.editingFinished.connect(self._save_choice)
        layout.addWidget(self.choice_note_field)
        self.agreed = QCheckBox("Agreed to a record of contri&bution")
        self.agreed.setAccessibleName("Agreed to a record of contribution")
        self.agreed.toggled.connect(self._save_agreement)
        self.agreed_hint = hint("")
        layout.addWidget(self.agreed)
        layout.addWidget(self.agreed_hint)
        self.record_button = plain_button("Record of contr&ibution…", self.export_record)
        self.record_button.setAccessibleName("Record of contribution")
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_button)
        record_row.addStretch()
        layout.addLayout(record_row)

        layout.addWidget(section("Their part in each workshop"))
        self.workshop = QComboBox()
        self.workshop_field = Field("W&orkshop", self.workshop, chars=40)
        self.workshop.currentIndexChanged.connect(lambda _index: self._workshop_chosen())
        layout.addWidget(self.workshop_field)
        self.took_part = hint("")
        layout.addWidget(self.took_part)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(" minutes")
        self.minutes_field = Field("&Time given", self.minutes)
        self.minutes.editingFinished.connect(self._save_minutes)
        self.worked_out_button = plain_button("Use the worked-out &time", self._clear_minutes)
        self.written = QSpinBox()
        self.written.setRange(0, 999)
        self.written_field = Field("Contributions sent in w&riting", self.written)
        self.written.editingFinished.connect(self._save_written)
        self.asked = QCheckBox("As&ked to take part")
        self.asked.setAccessibleName("Asked to take part")
        self.asked.toggled.connect(self._save_asked)
        layout.addWidget(self.minutes_field)
        layout.addWidget(self.written_field)
        row = QHBoxLayout()
        row.addWidget(self.worked_out_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.asked)

        layout.addWidget(section("Expenses for this workshop"))
        self.expenses = _table("Expenses for this workshop", ("Kind", "Amount", "Status", "Note"))
        layout.addWidget(self.expenses)
        self.expenses.addAction(self.services.actions.remove)
        self.toggle_status_button = plain_button("Mark as &given", self._toggle_status)
        self.remove_expense_button = plain_button("Remove expense", self._remove_expense)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_status_button)
        buttons.addWidget(self.remove_expense_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("4.50")
        self.amount_field = Field("&Amount in pounds", self.amount, chars=10)
        self.expense_note = QLineEdit()
        self.status_choice = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status_choice.addItem(label, status.value)
        self.add_expense_button = plain_button("A&dd expense", self._add_expense)
        self.amount.returnPressed.connect(self._add_expense)
        adding = FlowLayout()
        for widget in (
            Field("&Kind", self.kind, chars=16),
            self.amount_field,
            Field("Stat&us", self.status_choice, chars=8),
            Field("Note (optional)", self.expense_note, chars=24),
        ):
            adding.addWidget(widget)
        layout.addLayout(adding)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_expense_button)
        add_row.addStretch()
        layout.addLayout(add_row)
        layout.addStretch()
        self.person_panel = right

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(scrolling(right))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.people_side = left
        self._fit_people_side()
        page = QWidget()
        QVBoxLayout(page).addWidget(splitter)
        return page

    def _fit_people_side(self) -> None:
        """Room for a name and its figures, whatever the text size."""
        self.people_side.setMinimumWidth(self.people_list.fontMetrics().averageCharWidth() * 18)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "people_side"):
            self._fit_people_side()

    def _build_fair_load(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(GRID * 2)
        self.load_intro = hint("")
        layout.addWidget(self.load_intro)
        self.warnings = hint("")
        layout.addWidget(self.warnings)
        self.load_table = _table(
            "How often each person was asked, in every series",
            (
                "Name and series",
                "Asked lately",
                "Took part lately",
                "Asked",
                "Took part",
                "Last asked",
            ),
        )
        header = self.load_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.load_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout.addWidget(section("Everyone, in every series", self.load_table))
        layout.addWidget(self.load_table)
        self.not_asked = hint("")
        layout.addWidget(section("Not asked lately"))
        layout.addWidget(self.not_asked)
        self.ratio = QDoubleSpinBox()
        self.ratio.setRange(1.2, 10.0)
        self.ratio.setSingleStep(0.5)
        self.ratio.setDecimals(1)
        self.ratio.setSuffix(" times")
        self.ratio.setValue(read_ratio())
        self.ratio.editingFinished.connect(self._save_ratio)
        layout.addWidget(
            Field(
                "Warn when someone is asked &more than",
                self.ratio,
                "…as often as most people (and at least 3 times). Kept on this laptop.",
            )
        )
        return page

    def _build_totals(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(GRID * 2)
        layout.addWidget(section("The whole series"))
        self.series_totals = hint("")
        layout.addWidget(self.series_totals)
        self.use_range = QCheckBox("Only &between two dates")
        self.use_range.setAccessibleName("Only workshops between two dates")
        self.use_range.toggled.connect(lambda _on: self._range_changed())
        layout.addWidget(self.use_range)
        self.start = QDateEdit(QDate(self.today.year, 1, 1))
        self.end = QDateEdit(QDate(self.today.year, self.today.month, self.today.day))
        row = QHBoxLayout()
        for label, edit in (("&From", self.start), ("T&o", self.end)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(lambda _d: self._range_changed())
            row.addWidget(Field(label, edit))
        row.addStretch()
        layout.addLayout(row)
        self.range_totals = hint("")
        layout.addWidget(self.range_totals)
        self.export_button = plain_button(
            "E&xport for finance (CSV)…", self.export_csv, primary=True
        )
        self.export_button.setAccessibleName("Export for finance (CSV)")
        self.summary_button = plain_button("Summary for fi&nance (PDF)…", self.export_summary)
        self.summary_button.setAccessibleName("Summary for finance (PDF)")
        self.summary_button.setAccessibleDescription(
            "Each person's expenses and reward with totals, for the dates above if chosen"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.summary_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.export_result = hint(
            "The CSV has one row per person per workshop, amounts in pounds; the PDF summary "
            "lists each person's expenses with totals. Both hold names and money: give them "
            "only to finance, and delete your copy once they have it."
        )
        layout.addWidget(self.export_result)
        layout.addWidget(section("Keeping people informed"))
        layout.addWidget(
            hint(
                "A “you said, we did” update tells everyone who took part what came of it: what "
                "was raised, what was decided, what happened to each action and what could not "
                "change. It shows first names or initials only, as you choose."
            )
        )
        self.update_button = plain_button("“&You said, we did” update…", self.export_update)
        self.update_button.setAccessibleName("You said, we did update")
        update_row = QHBoxLayout()
        update_row.addWidget(self.update_button)
        update_row.addStretch()
        layout.addLayout(update_row)
        layout.addStretch()
        self._range_changed(reload=False)
        return page

    # Loading and showing --------------------------------------------------------------------

    def _range(self) -> tuple[date | None, date | None]:
        if not self.use_range.isChecked():
            return None, None
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def _reader(self) -> Callable[[Session], DeskData]:
        start, end = self._range()
        if start is not None and end is not None and end < start:
            start, end = end, start
        return read_desk(self.series_id, self.today, self.ratio.value(), start, end)

    async def load(self) -> None:
        self.show_data(await self.services.runner.read(self._reader()))
        self.loaded.emit()

    def refresh(self, event: str = "coordinator.read") -> None:
        """Read everything again (after a setting changes, or a change was refused)."""
        self.services.start(self._refresh(), event)

    async def _refresh(self) -> None:
        self.show_data(await self.services.runner.read(self._reader()))

    def focus_first(self) -> None:
        self.people_list.setFocus()

    def show_data(self, data: DeskData) -> None:
        self.data = data
        self._filling = True
        try:
            self.set_title(f"Coordinator's desk: {data.desk.title}")
            self._show_people(data)
            self._show_load(data.load)
            self.series_totals.setText(totals_words(data.desk.totals))
            start, end = self._range()
            if start is None:
                self.range_totals.setText(
                    "Tick the box above to see totals for part of the series."
                )
            else:
                self.range_totals.setText(
                    f"From {_date_words(start)} to {_date_words(end)}:\n"
                    + totals_words(data.range_totals)
                )
        finally:
            self._filling = False
        self._show_person()

    def _show_people(self, data: DeskData) -> None:
        people = data.desk.people
        self.people_empty.setVisible(not people)
        self.people_list.setVisible(bool(people))
        self.person_panel.setVisible(bool(people))
        self.people_list.clear()
        chosen = 0
        for row, person in enumerate(people):
            owed = f", £{format_pounds(person.owed)} owed" if person.owed else ""
            text = f"{person.name}\n{plain_duration(person.recognition.total_minutes)}{owed}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(person.participant_id))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ": "))
            self.people_list.addItem(item)
            if person.participant_id == self._person_id:
                chosen = row
        if people:
            self.people_list.setCurrentRow(chosen)
            self._person_id = people[chosen].participant_id

    def person(self) -> PersonDesk | None:
        if self.data is None:
            return None
        return next((p for p in self.data.desk.people if p.participant_id == self._person_id), None)

    def part(self) -> WorkshopPart | None:
        person = self.person()
        if person is None:
            return None
        return next(
            (p for p in person.recognition.parts if p.workshop_id == self._workshop_id), None
        )

    def _person_chosen(self) -> None:
        if self._filling:
            return
        if self.people_list.currentRow() < 0:
            return
        item = self.people_list.currentItem()
        self._person_id = uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
        self._show_person()

    def _show_person(self) -> None:
        person = self.person()
        if person is None:
            return
        self._filling = True
        try:
            recognition = person.recognition
            self.person_heading.setText(person.name)
            lines = [
                f"Time given: {plain_duration(recognition.total_minutes)}, in "
                f"{recognition.workshops_taken_part} of {len(recognition.parts)} workshops.",
                f"Contributions sent in writing: {recognition.total_written}.",
                f"Owed £{format_pounds(person.owed)}; given £{format_pounds(person.given)}.",
            ]
            if recognition.actions_done:
                lines.append(f"Actions completed ({len(recognition.actions_done)}):")
                lines += [f"  • {action.text}" for action in recognition.actions_done]
            else:
                lines.append("Actions completed: none yet.")
            self.recognition_text.setText("\n".join(lines))
            preference = person.preference
            self.choice.setCurrentIndex(self.choice.findData(preference.choice.value))
            self.choice_note.setText(preference.note)
            agreed_at = preference.record_agreed_at
            self.agreed.setChecked(agreed_at is not None)
            self.agreed_hint.setText(
                f"They agreed on {_date_words(agreed_at.date())}. Untick if they change their mind."
                if agreed_at
                else "A record of contribution names them, for an employer or a college, "
                "so ask them first. It can be made once their agreement is ticked here."
            )
            self.record_button.setEnabled(agreed_at is not None)
            self.record_button.setAccessibleDescription(
                f"A PDF for {person.name} to show an employer or a college"
                if agreed_at
                else "Not until they agree: tick “Agreed to a record of contribution” first"
            )
            self.workshop.clear()
            for part in recognition.parts:
                self.workshop.addItem(
                    f"{part.title} ({_date_words(part.on)})", str(part.workshop_id)
                )
            ids = [part.workshop_id for part in recognition.parts]
            if self._workshop_id not in ids:
                taken = [part.workshop_id for part in recognition.parts if part.took_part]
                choices = taken or ids
                self._workshop_id = choices[-1] if choices else None
            if self._workshop_id is not None:
                self.workshop.setCurrentIndex(ids.index(self._workshop_id))
            self.workshop_field.setVisible(bool(ids))
        finally:
            self._filling = False
        self._show_part()

    def _workshop_chosen(self) -> None:
        if self._filling:
            return
        data = self.workshop.currentData()
        self._workshop_id = uuid.UUID(data) if data else None
        self._show_part()

    def _show_part(self) -> None:
        part = self.part()
        person = self.person()
        has_part = part is not None and person is not None
        for widget in (
            self.minutes_field,
            self.worked_out_button,
            self.written_field,
            self.asked,
            self.expenses,
            self.toggle_status_button,
            self.remove_expense_button,
            self.add_expense_button,
            self.amount,
            self.kind,
            self.expense_note,
            self.status_choice,
        ):
            widget.setEnabled(has_part)
        if part is None or person is None:
            self.took_part.setText(NO_WORKSHOPS)
            self.expenses.setRowCount(0)
            return
        self._filling = True
        try:
            status = part.attendance.value if part.attendance else None
            worked_out = plain_duration(part.minutes_worked_out)
            typed = " You typed the time given." if part.minutes_typed else ""
            self.took_part.setText(
                f"{TOOK_PART_WORDS[status]} Worked out from the workshop: {worked_out}.{typed}"
            )
            self.minutes.setValue(part.minutes_given)
            self.worked_out_button.setEnabled(part.minutes_typed or part.written_typed)
            self.written.setValue(part.written)
            self.asked.setChecked(part.asked)
            spent = [e for e in person.expenses if e.workshop_id == part.workshop_id]
            self._shown_expenses = spent
            self.expenses.setRowCount(len(spent))
            for row, expense in enumerate(spent):
                cells = (
                    KIND_LABELS[expense.kind],
                    f"£{expense.pounds}",
                    STATUS_LABELS[expense.status],
                    expense.note,
                )
                for column, text in enumerate(cells):
                    self.expenses.setItem(row, column, _item(text))
            if spent:
                self.expenses.selectRow(0)
            fit_rows(self.expenses, least=3)
            self._expense_buttons()
        finally:
            self._filling = False

    def chosen_expense(self) -> ExpenseView | None:
        row = self.expenses.currentRow()
        spent = getattr(self, "_shown_expenses", [])
        return spent[row] if 0 <= row < len(spent) else None

    def _expense_buttons(self) -> None:
        expense = self.chosen_expense()
        self.toggle_status_button.setEnabled(expense is not None)
        self.remove_expense_button.setEnabled(expense is not None)
        given = expense is not None and expense.status is ExpenseStatus.GIVEN
        label = "Mark as &owed" if given else "Mark as &given"
        self.toggle_status_button.setText(label)
        self.toggle_status_button.setAccessibleName(label.replace("&", ""))

    def _show_load(self, load: FairLoad) -> None:
        from coprodesk.core.fair_load import period_words

        recent, longer = period_words(load.recent_weeks), period_words(load.longer_weeks)
        self.load_intro.setText(
            f"Across every series on this laptop: how often each person was asked to take part "
            f"and did, in the last {recent} (lately) and the last {longer}. Someone counts as "
            "asked when their attendance is recorded or “Asked to take part” is ticked."
        )
        warned = load.warnings
        self.warnings.setVisible(bool(warned))
        self.warnings.setText("\n".join(f"Worth a look — {p.name}: {p.warning}" for p in warned))
        self.load_table.setHorizontalHeaderLabels(
            [
                "Name and series",
                f"Asked\n{recent}",
                f"Took part\n{recent}",
                f"Asked\n{longer}",
                f"Took part\n{longer}",
                "Last\nasked",
            ]
        )
        self.load_table.setRowCount(len(load.people))
        for row, person in enumerate(load.people):
            cells = (
                person.name
                + (" (asked often)" if person.warning else "")
                + "\n"
                + ", ".join(person.series),
                str(person.asked_recent),
                str(person.took_part_recent),
                str(person.asked_longer),
                str(person.took_part_longer),
                _date_words(person.last_asked) if person.last_asked else "never",
            )
            for column, text in enumerate(cells):
                self.load_table.setItem(row, column, _item(text))
        fit_rows(self.load_table, least=2)
        missed = load.not_asked_lately
        self.not_asked.setText(
            "\n".join(
                f"{p.name}: last asked {_date_words(p.last_asked) if p.last_asked else 'never'}"
                for p in missed
            )
            or f"Everyone has been asked in the last {recent}."
        )

    # Changes ----------------------------------------------------------------------------------

    def _change(
        self, work: Callable[[Session], object], event: str, field: Field | None = None
    ) -> None:
        reader = self._reader()

        def change(session: Session) -> DeskData:
            work(session)
            session.flush()
            return reader(session)

        self.save(change, event, field=field, done=self.show_data, failed=lambda _m: self.refresh())

    def _save_choice(self) -> None:
        person = self.person()
        if self._filling or person is None:
            return
        from coprodesk.core import recompense

        choice = RecompenseChoice(self.choice.currentData())
        note = self.choice_note.text()
        if choice is person.preference.choice and note.strip() == person.preference.note:
            return
        person_id = person.participant_id
        self._change(
            lambda s: recompense.set_choice(s, person_id, choice, note),
            "coordinator.choice",
            self.choice_note_field,
        )

    def _save_agreement(self, agreed: bool) -> None:
        person = self.person()
        if self._filling or person is None:
            return
        from coprodesk.core import recompense

        person_id = person.participant_id
        self._change(
            lambda s: recompense.set_record_agreement(s, person_id, agreed), "coordinator.agreed"
        )

    def _part_change(
        self,
        work: Callable[[Session, uuid.UUID, uuid.UUID], object],
        event: str,
        field: Field | None = None,
    ) -> None:
        person, part = self.person(), self.part()
        if self._filling or person is None or part is None:
            return
        person_id, workshop_id = person.participant_id, part.workshop_id
        self._change(lambda s: work(s, workshop_id, person_id), event, field)

    def _save_minutes(self) -> None:
        from coprodesk.core import recognition

        part = self.part()
        value = self.minutes.value()
        if part is None or value == part.minutes_given:
            return
        self._part_change(
            lambda s, w, p: recognition.set_minutes_given(s, w, p, value),
            "coordinator.minutes",
            self.minutes_field,
        )

    def _save_written(self) -> None:
        from coprodesk.core import recognition

        part = self.part()
        value = self.written.value()
        if part is None or value == part.written:
            return
        self._part_change(
            lambda s, w, p: recognition.set_written(s, w, p, value),
            "coordinator.written",
            self.written_field,
        )

    def _clear_minutes(self) -> None:
        from coprodesk.core import recognition

        def clear(session: Session, workshop_id: uuid.UUID, person_id: uuid.UUID) -> None:
            recognition.set_minutes_given(session, workshop_id, person_id, None)
            recognition.set_written(session, workshop_id, person_id, None)

        self._part_change(clear, "coordinator.worked_out")

    def _save_asked(self, asked: bool) -> None:
        from coprodesk.core import recognition

        self._part_change(
            lambda s, w, p: recognition.set_asked(s, w, p, asked), "coordinator.asked"
        )

    def _add_expense(self) -> None:
        from coprodesk.core import recompense
        from coprodesk.core.errors import InvalidInput

        person, part = self.person(), self.part()
        if person is None or part is None:
            return
        try:
            pence = recompense.parse_pounds(self.amount.text())
        except InvalidInput as error:
            self.amount_field.show_problem(str(error))
            self.amount.setFocus()
            return
        self.amount_field.clear_problem()
        kind = ExpenseKind(self.kind.currentData())
        status = ExpenseStatus(self.status_choice.currentData())
        note = self.expense_note.text()
        person_id, workshop_id = person.participant_id, part.workshop_id

        def add(session: Session) -> None:
            recompense.add_expense(
                session, workshop_id, person_id, kind, pence, note=note, status=status
            )

        self.amount.clear()
        self.expense_note.clear()
        self._change(add, "coordinator.expense.add", self.amount_field)

    def _toggle_status(self) -> None:
        from coprodesk.core import recompense

        expense = self.chosen_expense()
        if expense is None:
            return
        new = ExpenseStatus.OWED if expense.status is ExpenseStatus.GIVEN else ExpenseStatus.GIVEN
        expense_id = expense.id
        self._change(
            lambda s: recompense.update_expense(s, expense_id, status=new),
            "coordinator.expense.status",
        )

    def _remove_expense(self) -> None:
        from coprodesk.core import recompense

        expense = self.chosen_expense()
        if expense is None:
            return
        reader = self._reader()
        expense_id = expense.id

        def remove(session: Session) -> tuple[ExpenseView, DeskData]:
            removed = recompense.remove_expense(session, expense_id)
            session.flush()
            return removed, reader(session)

        def removed(result: tuple[ExpenseView, DeskData]) -> None:
            gone, fresh = result
            self.show_data(fresh)

            def put_back(session: Session) -> DeskData:
                recompense.restore_expense(session, gone)
                session.flush()
                return self._reader()(session)

            self._offer_undo(
                f"Removed an expense of £{gone.pounds} ({KIND_LABELS[gone.kind].lower()}).",
                lambda: self.save(put_back, "coordinator.expense.undo", done=self.show_data),
            )

        self.save(remove, "coordinator.expense.remove", done=removed)

    def remove_chosen(self) -> None:
        if self.expenses.hasFocus():
            self._remove_expense()

    def _save_ratio(self) -> None:
        save_ratio(self.ratio.value())
        self.refresh("coordinator.ratio")

    def _range_changed(self, *, reload: bool = True) -> None:
        on = self.use_range.isChecked()
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        if reload and self.data is not None:
            self.refresh("coordinator.range")

    # The two documents: a person's record of contribution, the series' update -----------------

    def export_record(self) -> None:
        """Export the chosen person's record of contribution (only once they have agreed)."""
        self._open_export("record")

    def export_update(self) -> None:
        """Export the series' "you said, we did" update."""
        self._open_export("update")

    def export_summary(self) -> None:
        """Export the summary for finance as a PDF, for the tab's dates when it has them."""
        start, end = self._range()
        if start is not None and end is not None:
            self._open_export("recompense", (min(start, end), max(start, end)))
        else:
            self._open_export("recompense")

    def _open_export(self, kind: str, date_range: tuple[date, date] | None = None) -> None:
        from coprodesk.ui.export_dialog import COORDINATOR_KINDS, ExportDialog

        if self.data is None:
            return
        person = self.person()
        self.export_dialog = ExportDialog(
            self.window(),
            self.services.runner,
            self.services.start,
            series_id=self.series_id,
            series_title=self.data.desk.title,
            workshop_id=None,
            kind=kind,
            kinds=COORDINATOR_KINDS,
            person_id=person.participant_id if person else None,
            person_name=person.name if person else "",
            record_agreed=person is not None and person.preference.record_agreed_at is not None,
            date_range=date_range,
        )
        self.export_dialog.open()

    # The finance export ------------------------------------------------------------------------

    def export_csv(self) -> None:
        from coprodesk.core.recompense import write_finance_csv

        start, end = self._range()
        title = self.data.desk.title if self.data else "series"
        safe = "".join(char if char.isalnum() else "-" for char in title).strip("-").lower()
        path = self.choose_path(self, f"{safe or 'series'}-for-finance.csv")
        if path is None:
            return
        series_id = self.series_id

        def write(session: Session) -> int:
            return write_finance_csv(session, series_id, path, start, end)

        def written(rows: int) -> None:
            self.exported = path
            self.export_result.setText(
                f"Wrote {rows} row{'' if rows == 1 else 's'} to {path}. It holds names and "
                "money: give it only to finance, and delete your copy once they have it."
            )

        self.save(write, "coordinator.export_csv", done=written)
