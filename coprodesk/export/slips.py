"""Action slips: one page per person, in large print, with their own actions.

The slip is its holder's own: the facilitator chooses whether it shows the
person's name or only their initials (``slips_data(show_names=...)``).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from coprodesk.core.report_data import SlipsData
from coprodesk.export.pdf_common import (
    PdfLayout,
    day_words,
    heading,
    para,
    styles,
    when_words,
)

SLIP_SIZE = 18.0  # large print always
LARGER_SIZE = 24.0


def slips_story(data: SlipsData, *, large_print: bool) -> list[Flowable]:
    st = styles(LARGER_SIZE if large_print else SLIP_SIZE)
    head = data.heading
    story: list[Flowable] = []
    if not data.slips:
        story.append(heading("No actions yet", st.title, 0))
        story.append(
            para("No actions were agreed in this workshop, so there are no slips.", st.body)
        )
        return story
    for index, slip in enumerate(data.slips):
        if index:
            story.append(PageBreak())
        story.append(heading(f"Actions for {slip.holder}", st.title, 0))
        story.append(para(f"{head.title} — {when_words(head.starts_at)}", st.small))
        for number, action in enumerate(slip.actions, start=1):
            story.append(Spacer(1, st.size * 0.5))
            story.append(para(action.text, st.h2, prefix=f"{number}. "))
            story.append(
                para(
                    day_words(action.target_date) if action.target_date else "no date agreed",
                    st.body,
                    prefix="<b>By when:</b> ",
                )
            )
            if action.buddy:
                story.append(para(action.buddy, st.body, prefix="<b>Your support buddy:</b> "))
            if action.shared_with:
                story.append(
                    para(", ".join(action.shared_with), st.body, prefix="<b>Shared with:</b> ")
                )
        story.append(Spacer(1, st.size))
        story.append(
            para(
                "If you get stuck or change your mind, that is fine: tell your buddy or the "
                "facilitator. We look at every action together at the next workshop.",
                st.small,
            )
        )
    return story


def slips_layout(data: SlipsData, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    return PdfLayout(
        slips_story(data, large_print=large_print),
        title=f"Action slips: {data.heading.title}",
        footer=f"Actions from {data.heading.title}",
        size=LARGER_SIZE if large_print else SLIP_SIZE,
    )
