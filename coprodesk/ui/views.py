"""List and table views that wrap their text, and named drop-downs, for every screen.

A table's columns are ``Fit`` (as wide as their content, never wrapping: dates,
initials, counts) or ``Wrap`` (sharing the rest of the width by what their text
needs, and wrapping where it must: titles, names, notes).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QListView, QTableView

from coprodesk.ui.column_share import WidthSharer


class Column(enum.Enum):
    FIT = "fit"
    WRAP = "wrap"


Fit, Wrap = Column.FIT, Column.WRAP


def name_combo(combo: QComboBox, name: str) -> None:
    """Name a drop-down and its pop-up list, which takes the focus while open."""
    combo.setAccessibleName(name)
    combo.view().setAccessibleName(f"{name}: choices")


def read_only(view: QListView | QTableView, name: str, description: str = "") -> None:
    """Named, one row chosen at a time, nothing edited in place, text wrapped."""
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)


def list_view(model: QAbstractItemModel, name: str, description: str = "") -> QListView:
    view = QListView()
    view.setModel(model)
    read_only(view, name, description)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def table_view(
    model: QAbstractItemModel,
    name: str,
    description: str,
    columns: Sequence[Column],
) -> QTableView:
    """Rows chosen whole, nothing edited in place, no grid; ``columns`` as in ``set_columns``."""
    view = QTableView()
    view.setModel(model)
    read_only(view, name, description)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = view.verticalHeader()
    rows.hide()
    rows.setAccessibleName(f"{name}: rows")
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setAccessibleName(f"{name}: columns")
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    set_columns(view, columns)
    return view


def set_columns(view: QTableView, columns: Sequence[Column]) -> None:
    """``Fit`` columns take their content's width; ``Wrap`` ones share the rest by need.

    Call it again when the model's columns change.
    """
    header = view.horizontalHeader()
    for column, kind in enumerate(columns):
        if kind is Fit:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    wrapping = [column for column, kind in enumerate(columns) if kind is Wrap]
    sharer = view.findChild(WidthSharer)
    if sharer is None:
        WidthSharer(view, wrapping)
    else:
        sharer.set_columns(wrapping)
