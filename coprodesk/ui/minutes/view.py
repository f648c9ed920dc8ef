"""The minutes list: one painted row an entry, never a widget per row.

Each row shows the time, who spoke and the kind of entry on one line and the
text, wrapped, below it; the first entry under an agenda item carries the
item's title above it.

Rows differ in height (entries wrap), so their sizes cannot be uniform. The
view is a one-column ``QTreeView`` scrolling an entry at a time: it asks for
the height of the rows it shows, not of all 2,000, and a new entry does not
make it measure the others again. The delegate also remembers each height
for the text and width it was worked out for.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from coprodesk.core.enums import EntryKind
from coprodesk.ui.minutes import look
from coprodesk.ui.minutes.entry_line import EntryLine
from coprodesk.ui.minutes.model import (
    BODY_ROLE,
    ENTRY_ROLE,
    HEADING_ROLE,
    META_ROLE,
    READ_BACK_ROLE,
    TIME_ROLE,
    MinutesModel,
)
from coprodesk.ui.palette import GRID

AnyIndex = QModelIndex | QPersistentModelIndex
_WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_PAD = GRID // 2
_BAR = GRID // 2
# The cache is dropped when it grows past this (long sessions of edits), and on a font change.
_CACHE_LIMIT = 20_000


class EntryDelegate(QStyledItemDelegate):
    """Paints one entry and edits it in place with an ``EntryLine``."""

    edit_submitted = Signal(object, str)  # entry id, the line as typed

    def __init__(self, view: MinutesView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[int, str | None, str, str, str], int] = {}
        self._font: QFont | None = None
        self._metrics: tuple[QFont, QFontMetrics, QFontMetrics, int] | None = None
        # Text of an edit that could not be saved, offered again in the next editor.
        self.pending: dict[uuid.UUID, str] = {}

    def clear_cache(self) -> None:
        self._heights.clear()
        self._metrics = None

    def _fonts(self, font: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics, int]:
        """The bold font, both metrics and the width of the time column, for ``font``."""
        if self._metrics is None or self._font != font:
            bold = QFont(font)
            bold.setBold(True)
            plain_metrics = QFontMetrics(font)
            time_width = plain_metrics.horizontalAdvance("00:00") + GRID * 2
            self._metrics = (bold, plain_metrics, QFontMetrics(bold), time_width)
            self._font = QFont(font)
        return self._metrics

    def _text_width(self, width: int, time_width: int) -> int:
        return max(GRID * 10, width - time_width - GRID * 2 - _BAR)

    def _heading_height(self, bold_metrics: QFontMetrics) -> int:
        return bold_metrics.height() + GRID + _PAD

    # Size -------------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self._view.viewport().width()
        heading, meta, body, read_back = self._view.minutes_model.layout_key(index.row())
        key = (width, heading, meta, body, read_back)
        height = self._heights.get(key)
        if height is None:
            _bold, metrics, bold_metrics, time_width = self._fonts(option.font)
            text_width = self._text_width(width, time_width)
            body_height = metrics.boundingRect(
                QRect(0, 0, text_width, 1 << 20), _WRAP, body
            ).height()
            height = _PAD * 2 + bold_metrics.height() + max(body_height, metrics.height()) + _PAD
            if heading is not None:
                height += self._heading_height(bold_metrics)
            if len(self._heights) > _CACHE_LIMIT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)

    # Painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if entry is None:
            return
        bold, metrics, bold_metrics, time_width = self._fonts(option.font)
        palette = option.palette
        rect = QRect(option.rect)
        heading = index.data(HEADING_ROLE)
        painter.save()
        if heading is not None:
            heading_height = self._heading_height(bold_metrics)
            painter.setFont(bold)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            heading_rect = QRect(rect.left() + GRID, rect.top() + GRID, rect.width() - GRID * 2, 0)
            heading_rect.setHeight(bold_metrics.height())
            painter.drawText(
                heading_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bold_metrics.elidedText(heading, Qt.TextElideMode.ElideRight, heading_rect.width()),
            )
            painter.setPen(look.HEADING_RULE)
            rule_y = rect.top() + heading_height - _PAD
            painter.drawLine(rect.left() + GRID, rule_y, rect.right() - GRID, rule_y)
            rect.setTop(rect.top() + heading_height)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        decision = entry.kind is EntryKind.DECISION
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif decision:
            painter.fillRect(rect, look.DECISION_BACKGROUND)
        if decision:
            painter.fillRect(QRect(rect.left(), rect.top(), _BAR, rect.height()), look.DECISION_BAR)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)

        left = rect.left() + _BAR + GRID
        top = rect.top() + _PAD
        text_left = rect.left() + _BAR + time_width
        text_width = self._text_width(rect.width(), time_width)
        line_height = bold_metrics.height()
        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(
            QRect(left, top, time_width - GRID, line_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            index.data(TIME_ROLE),
        )
        read_back = index.data(READ_BACK_ROLE)
        read_back_width = metrics.horizontalAdvance(read_back) + GRID if read_back else 0
        if read_back:
            painter.drawText(
                QRect(text_left, top, text_width, line_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                read_back,
            )
        painter.setFont(bold)
        painter.setPen(text_colour)
        meta = bold_metrics.elidedText(
            index.data(META_ROLE), Qt.TextElideMode.ElideRight, text_width - read_back_width
        )
        painter.drawText(
            QRect(text_left, top, text_width - read_back_width, line_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            meta,
        )
        painter.setFont(option.font)
        body_rect = QRect(text_left, top + line_height, text_width, rect.bottom() - top)
        painter.drawText(body_rect, _WRAP, index.data(BODY_ROLE))

        if option.state & QStyle.StateFlag.State_HasFocus:
            focus = QStyleOptionFocusRect()
            focus.rect = rect.adjusted(1, 1, -1, -1)
            focus.state = option.state
            focus.palette = palette
            focus.backgroundColor = palette.color(
                QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
            )
            style = self._view.style()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter)
        painter.restore()

    # Editing in place -------------------------------------------------------------------

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = EntryLine(self._view.initials, parent, editing=True)
        editor.setAccessibleName("Edit entry")
        editor.setAccessibleDescription(
            "Change the entry as you would type it, then press Enter to save or Escape to "
            "leave it as it was. Names are replaced by initials here too."
        )
        editor.setFrame(True)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if not isinstance(editor, EntryLine):
            return
        entry = index.data(ENTRY_ROLE)
        text = self.pending.pop(entry.id, None) if entry is not None else None
        editor.setText(text if text is not None else str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(editor, EntryLine) or entry is None:
            return
        if editor.text() != index.data(Qt.ItemDataRole.EditRole):
            self.edit_submitted.emit(entry.id, editor.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tab completes initials in the editor while some are offered, rather than leaving it.
        if (
            isinstance(watched, EntryLine)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and watched.suggestions
        ):
            return False
        return super().eventFilter(watched, event)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        _bold, _metrics, bold_metrics, time_width = self._fonts(option.font)
        rect = QRect(option.rect)
        if index.data(HEADING_ROLE) is not None:
            rect.setTop(rect.top() + self._heading_height(bold_metrics))
        left = rect.left() + _BAR + time_width - GRID // 2
        height = max(editor.sizeHint().height(), rect.height() - _PAD)
        editor.setGeometry(QRect(left, rect.top(), rect.right() - left - GRID, height))


class MinutesView(QTreeView):
    """The list of entries (a flat list: no branches, no header). Keys act on the chosen entry.

    F2 or double-click edits it in place, Delete deletes it, Alt+Up and Alt+Down
    move it, Ctrl+Z and Ctrl+Shift+Z undo and redo, Escape goes back to the
    entry line.
    """

    delete_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down
    undo_requested = Signal()
    redo_requested = Signal()
    leave_requested = Signal()

    def __init__(
        self, model: MinutesModel, initials: QStringListModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.initials = initials  # the QStringListModel editors complete from
        self.minutes_model = model
        self.setModel(model)
        self.entry_delegate = EntryDelegate(self)
        self.setItemDelegate(self.entry_delegate)
        self.setObjectName("minutes-list")
        self.setAccessibleName("Minutes")
        self.setAccessibleDescription(
            "The entries so far, oldest first. F2 edits the chosen entry, Delete deletes it, "
            "Alt+Up and Alt+Down move it, Escape goes back to the entry line."
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # see above
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)  # entries wrap; the delegate caches their heights
        self.setExpandsOnDoubleClick(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalScrollBar().setSingleStep(GRID * 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Like a chat: when the newest entry was in view, it stays in view.
        bar = self.verticalScrollBar()
        at_end = bar.value() >= bar.maximum()
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # wrapped entries change height with the width
        rows = self.model().rowCount()
        if at_end and rows:
            self.scrollTo(self.model().index(rows - 1, 0), self.ScrollHint.PositionAtBottom)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.entry_delegate.clear_cache()
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def _own_key(self, event: QKeyEvent) -> str | None:
        alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            return "delete"
        if alt and event.key() == Qt.Key.Key_Up:
            return "up"
        if alt and event.key() == Qt.Key.Key_Down:
            return "down"
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo"
        if event.matches(QKeySequence.StandardKey.Redo):
            return "redo"
        if event.key() == Qt.Key.Key_Escape and self.state() != self.State.EditingState:
            return "leave"
        return None

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._own_key(event) is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self._own_key(event)
        if key is None:
            super().keyPressEvent(event)
        elif key == "delete":
            self.delete_requested.emit()
        elif key in ("up", "down"):
            self.move_requested.emit(-1 if key == "up" else 1)
        elif key == "undo":
            self.undo_requested.emit()
        elif key == "redo":
            self.redo_requested.emit()
        else:
            self.leave_requested.emit()
