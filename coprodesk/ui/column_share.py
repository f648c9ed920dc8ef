"""Sharing a table's width between its wrapping text columns by what each one needs.

Qt's ``Stretch`` gives every stretched column the same width, so a long venue
wraps onto three lines beside a short title with room to spare. ``WidthSharer``
(set up by ``coprodesk.ui.views.set_columns``) sizes the chosen columns instead:
each gets what its longest text needs when all fit, and otherwise a share in
proportion to that need (and never less than half an equal part of the room),
so the longest text wraps onto the fewest lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView


def shared_widths(wants: Sequence[int], room: int) -> list[int]:
    """Widths for columns wanting ``wants`` pixels in ``room`` pixels, summing to ``room``.

    Columns that fit get what they want, and any room left goes to them in
    proportion; otherwise no column gets less than its want or half an equal part
    of the room, whichever is smaller, and the rest is shared by need.
    """
    if not wants:
        return []
    room = max(room, 0)
    total = sum(wants)
    if total == 0:
        widths = [room // len(wants)] * len(wants)
    elif total <= room:
        widths = [want + (room - total) * want // total for want in wants]
    else:
        floors = [min(want, room // (2 * len(wants))) for want in wants]
        rest = room - sum(floors)
        needs = [want - floor for want, floor in zip(wants, floors, strict=True)]
        need = sum(needs)
        widths = [floor + rest * extra // need for floor, extra in zip(floors, needs, strict=True)]
    widths[-1] += room - sum(widths)  # what rounding left over
    return widths


class WidthSharer(QObject):
    """Keeps ``columns`` of ``view`` sized by ``shared_widths`` as the view and its rows change."""

    def __init__(self, view: QTableView, columns: Sequence[int]) -> None:
        super().__init__(view)
        self._view = view
        self._columns: tuple[int, ...] = ()
        view.horizontalHeader().setStretchLastSection(False)
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(self._section_resized)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ):
            signal.connect(self._pending.start)
        model.columnsInserted.connect(self._pending.start)
        model.columnsRemoved.connect(self._pending.start)
        self.set_columns(columns)

    def set_columns(self, columns: Sequence[int]) -> None:
        """Share the width between ``columns`` from now on."""
        self._columns = tuple(columns)
        header = self._view.horizontalHeader()
        for column in self._columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._pending.start()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self._columns:  # a date or status column took a new width
            self._pending.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._pending.start()
        return False

    def fit(self) -> None:
        view, header = self._view, self._view.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column not in self._columns and not header.isSectionHidden(column)
        )
        wants = [
            max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in self._columns
        ]
        room = view.viewport().width() - others
        for column, width in zip(self._columns, shared_widths(wants, room), strict=True):
            header.resizeSection(column, width)
