"""The group agreement as a poster for the wall, in large print."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer

from coprodesk.core.report_data import PosterData
from coprodesk.export.pdf_common import (
    CancelledFn,
    ProgressFn,
    build_pdf,
    heading,
    para,
    styles,
)

POSTER_SIZE = 22.0
LARGER_SIZE = 30.0


def poster_story(data: PosterData, *, large_print: bool) -> list[Flowable]:
    st = styles(LARGER_SIZE if large_print else POSTER_SIZE)
    story: list[Flowable] = [
        heading("Our group agreement", st.title, 0),
        para(data.series_title, st.h3),
    ]
    if data.agreement is None or not data.agreement.statements:
        story.append(para("We have not made our group agreement yet.", st.body))
        return story
    for statement in data.agreement.statements:
        story.append(Spacer(1, st.size * 0.4))
        story.append(para(statement.text, st.h2, prefix=f"{statement.number}. "))
    story.append(Spacer(1, st.size))
    story.append(
        para(
            f"Version {data.agreement.version}. Anyone can ask for a change at any workshop.",
            st.small,
        )
    )
    return story


def build_poster(
    data: PosterData,
    out: BinaryIO,
    *,
    large_print: bool = False,
    invariant: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    size = LARGER_SIZE if large_print else POSTER_SIZE
    build_pdf(
        poster_story(data, large_print=large_print),
        out,
        title=f"Group agreement: {data.series_title}",
        footer="Our group agreement",
        size=size * 0.6,
        invariant=invariant,
        progress=progress,
        cancelled=cancelled,
    )
