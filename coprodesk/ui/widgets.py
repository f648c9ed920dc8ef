"""Small builders for the labels every page uses, and Tab in the order things are shown."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QWidget


def heading(text: str) -> QLabel:
    """A bold heading; give it a buddy when it names a list or field."""
    label = QLabel(text)
    label.setProperty("role", "heading")
    label.setWordWrap(True)
    return label


def hint(text: str) -> QLabel:
    """Wrapped plain text: empty states, explanations."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _widgets_of(layout: QLayout, found: list[QWidget]) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child, inner = item.widget(), item.layout()
        if child is not None:
            _in_layout_order(child, found)
        elif inner is not None:
            _widgets_of(inner, found)  # a nested layout's widgets come where it stands


def _in_layout_order(widget: QWidget, found: list[QWidget]) -> None:
    found.append(widget)
    layout = widget.layout()
    if layout is not None:
        _widgets_of(layout, found)


def tab_in_layout_order(root: QWidget) -> None:
    """Make Tab move through ``root``'s controls in the order its layouts show them.

    Qt's Tab order follows when widgets were made, so a section added later (or a
    card shown later) is reached last even when it is shown first.
    """
    found: list[QWidget] = []
    _in_layout_order(root, found)
    controls = [w for w in found[1:] if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for first, second in itertools.pairwise(controls):
        QWidget.setTabOrder(first, second)
