"""Titles and venues share the workshop list's width by what their text needs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow

from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.ui.column_share import shared_widths
from coprodesk.ui.models.series import WorkshopTableModel


def test_columns_that_fit_get_what_they_need_and_share_what_is_left() -> None:
    assert shared_widths([100, 300], 600) == [150, 450]
    assert shared_widths([100, 300], 400) == [100, 300]
    assert shared_widths([0, 0], 50) == [25, 25]
    assert shared_widths([], 100) == []


def test_when_room_is_short_the_longer_text_gets_more_but_the_short_keeps_a_part() -> None:
    title, venue = shared_widths([150, 900], 400)
    assert title + venue == 400
    assert 100 <= title <= 150
    assert venue > title
    assert shared_widths([2000, 10], 100)[1] == 10  # a short column keeps all it needs


@given(st.lists(st.integers(0, 3000), min_size=1, max_size=5), st.integers(0, 4000))
def test_the_widths_always_fill_the_room_and_respect_the_floor(wants: list[int], room: int) -> None:
    widths = shared_widths(wants, room)
    assert sum(widths) == room
    if sum(wants) <= room:
        assert all(width >= want for width, want in zip(widths, wants, strict=True))
    else:
        floor = room // (2 * len(wants))
        assert all(width >= min(want, floor) for width, want in zip(widths, wants, strict=True))
        assert all(width <= want for width, want in zip(widths[:-1], wants[:-1], strict=True))


def test_a_long_venue_gets_the_room_a_short_title_leaves(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    with db.transaction() as session:
        river = core.create_series(session, "Riverside play park")
        core.create_workshop(
            session, river, "Walk", venue="Riverside Community Hall, small room at the back"
        )
    open_window.open()
    page = open_window.page
    page.select_series(river)
    view = page.workshop_view
    header = view.horizontalHeader()
    title, venue = (WorkshopTableModel.HEADERS.index(name) for name in ("Workshop", "Venue"))
    qtbot.waitUntil(lambda: header.sectionSize(venue) > 2 * header.sectionSize(title))
    assert header.sectionSize(title) >= view.sizeHintForColumn(title)  # "Walk" never wraps
    columns = sum(header.sectionSize(column) for column in range(header.count()))
    assert columns == view.viewport().width()
    open_window.window.resize(open_window.window.width() + 200, open_window.window.height())
    qtbot.waitUntil(
        lambda: sum(header.sectionSize(c) for c in range(header.count())) == view.viewport().width()
    )
