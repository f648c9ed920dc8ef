"""Read-only list and table views that wrap their text, and named drop-downs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QListView, QTableView

Stretch = QHeaderView.ResizeMode.Stretch
Fit = QHeaderView.ResizeMode.ResizeToContents


def name_combo(combo: QComboBox, name: str) -> None:
    """Name a drop-down and its pop-up list, which takes the focus while open."""
    combo.setAccessibleName(name)
    combo.view().setAccessibleName(f"{name}: choices")


def list_view(model: QAbstractItemModel, name: str, description: str = "") -> QListView:
    view = QListView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def table_view(
    model: QAbstractItemModel,
    name: str,
    description: str,
    columns: Sequence[QHeaderView.ResizeMode],
) -> QTableView:
    """Rows selected whole, text wrapped in the ``Stretch`` columns, no grid."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.setWordWrap(True)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = view.verticalHeader()
    rows.hide()
    rows.setAccessibleName(f"{name}: rows")
    header = view.horizontalHeader()
    header.setAccessibleName(f"{name}: columns")
    rows.setSectionResizeMode(Fit)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, mode in enumerate(columns):
        header.setSectionResizeMode(column, mode)
    return view
