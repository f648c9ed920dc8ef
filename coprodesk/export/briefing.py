"""A briefing pack for a coming workshop, in plain English.

Who is coming is listed by first names only; nothing private is ever printed.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer

from coprodesk.core.report_data import BriefingData
from coprodesk.export.pdf_common import (
    MARGIN,
    PdfLayout,
    base_size,
    heading,
    para,
    styles,
    table,
    when_words,
)

WIDTH = A4[0] - 2 * MARGIN


def _length(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours > 1 else ""))
    if rest:
        parts.append(f"{rest} minutes")
    return " and ".join(parts) or "not planned yet"


def briefing_story(data: BriefingData, *, large_print: bool) -> list[Flowable]:
    st = styles(base_size(large_print) + 1)
    head = data.heading
    story: list[Flowable] = [
        heading(head.title, st.title, 0),
        para(head.series_title, st.h3),
        para("Here is what to expect at the next workshop.", st.body),
        heading("What it is for", st.h1, 1),
        para(head.purpose or "The facilitator will explain at the start.", st.body),
        heading("When and where", st.h1, 1),
        para(when_words(head.starts_at), st.body, prefix="<b>When:</b> "),
        para(head.venue or "to be confirmed", st.body, prefix="<b>Where:</b> "),
        para(
            _length(data.total_minutes)
            + (f", finishing about {data.ends_at:%H:%M}" if data.ends_at else ""),
            st.body,
            prefix="<b>How long:</b> ",
        ),
        heading("The agenda", st.h1, 1),
    ]
    if data.agenda:
        rows = [("What", "About how long")]
        for item in data.agenda:
            title = item.title + (" (a break)" if item.is_break else "")
            if item.content_note:
                title += f"\nContent note: {item.content_note}"
            rows.append((title, f"{item.planned_minutes} minutes"))
        story.append(table(rows, [WIDTH * 0.72, WIDTH * 0.28], st))
        if any(item.content_note for item in data.agenda):
            story.append(Spacer(1, st.size * 0.5))
            story.append(
                para(
                    "A content note tells you a topic may be hard to hear. You can step out "
                    "at any time, and no one will ask why.",
                    st.small,
                )
            )
    else:
        story.append(para("The agenda is still being planned.", st.body))
    story.append(heading("Who is coming", st.h1, 1))
    story.append(para(", ".join(data.coming) if data.coming else "Not known yet.", st.body))
    story.append(heading("What to bring or think about", st.h1, 1))
    story.append(para(data.bring or "Just yourself and your ideas.", st.body))
    story.append(heading("Practical things", st.h1, 1))
    story.append(
        para(
            data.practical or "Ask the facilitator about access, expenses and refreshments.",
            st.body,
        )
    )
    story.append(heading("Where to find support", st.h1, 1))
    story.append(
        para(data.support or "Talk to the facilitator before or after the workshop.", st.body)
    )
    return story


def briefing_layout(data: BriefingData, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    return PdfLayout(
        briefing_story(data, large_print=large_print),
        title=f"Briefing: {data.heading.title}",
        footer=f"Briefing: {data.heading.title}",
        size=base_size(large_print),
    )
