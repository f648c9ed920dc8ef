"""The group agreement as a poster for the wall, in large print."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer

from coprodesk.core.report_data import PosterData
from coprodesk.export.pdf_common import (
    MARGIN,
    PdfLayout,
    heading,
    para,
    styles,
)

POSTER_SIZE = 22.0
LARGER_SIZE = 30.0
SMALLEST = {False: 14.0, True: 20.0}  # a long agreement shrinks to fit one page, to here
FRAME = (A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN - 6)


def _height(story: list[Flowable]) -> float:
    total = 0.0
    for flowable in story:
        _width, height = flowable.wrap(*FRAME)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def poster_size(data: PosterData, *, large_print: bool) -> float:
    """The largest text size that keeps the poster on one page (or the smallest allowed)."""
    size = LARGER_SIZE if large_print else POSTER_SIZE
    while size > SMALLEST[large_print] and _height(_story(data, size)) > FRAME[1]:
        size -= 1
    return size


def poster_story(data: PosterData, *, large_print: bool) -> list[Flowable]:
    return _story(data, poster_size(data, large_print=large_print))


def _story(data: PosterData, size: float) -> list[Flowable]:
    st = styles(size)
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


def poster_layout(data: PosterData, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    size = poster_size(data, large_print=large_print)
    return PdfLayout(
        _story(data, size),
        title=f"Group agreement: {data.series_title}",
        footer="Our group agreement",
        size=max(size * 0.6, 11.0),
    )
