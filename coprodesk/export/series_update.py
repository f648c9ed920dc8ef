"""The "you said, we did" update for a series, for everyone who took part.

Only layout: what it says is gathered by ``coprodesk.core.series_update``,
with people shown by first name or by initials as the coordinator chose and
every text through the name guard. No money, rewards, roles or contacts.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from coprodesk.core.series_update import Naming, SeriesUpdate, UpdatePoint
from coprodesk.export.pdf_common import (
    MARGIN,
    PdfLayout,
    Styles,
    base_size,
    bullet,
    day_words,
    heading,
    para,
    styles,
    table,
)

WIDTH = A4[0] - 2 * MARGIN
NAMING_WORDS = {
    Naming.FIRST_NAMES: "People are named by their first name only.",
    Naming.INITIALS: "People are shown by their initials only.",
}
FOOTER_WORDS = {Naming.FIRST_NAMES: "first names only", Naming.INITIALS: "initials only"}


def _points(
    points: Sequence[UpdatePoint], who: str, what: str, widths: tuple[float, ...], st: Styles
) -> Flowable:
    rows: list[tuple[str, ...]] = [(what, who, "Workshop")]
    rows += [(point.text, point.by or "—", point.workshop) for point in points]
    return table(rows, [share * WIDTH for share in widths], st)


def update_story(data: SeriesUpdate, *, large_print: bool) -> list[Flowable]:
    st = styles(base_size(large_print))
    lead = ParagraphStyle("lead", parent=st.body, keepWithNext=1)  # stays with its table
    story: list[Flowable] = [
        heading(f"You said, we did: {data.series_title}", st.title, 0),
        para(
            "Thank you for taking part. This update tells you what came of it: what was "
            "raised, what the group decided and who by, what happened to each action, and what "
            "could not change and why.",
            st.body,
        ),
        para(f"{NAMING_WORDS[data.naming]} Made on {day_words(data.made_on)}.", st.small),
    ]
    story.append(heading("The workshops", st.h1, 1))
    if data.workshops:
        story += [
            bullet(f"{workshop.title} — {day_words(workshop.on)}", st)
            for workshop in data.workshops
        ]
    else:
        story.append(para("There are no workshops in this series yet.", st.body))

    narrow = (0.56, 0.2, 0.24)
    story.append(heading("You said", st.h1, 1))
    if data.raised:
        story.append(para("What people raised in the workshops.", lead))
        story.append(_points(data.raised, "Raised by", "What was said", narrow, st))
    else:
        story.append(para("Nothing was written down as raised yet.", st.body))

    story.append(heading("We decided", st.h1, 1))
    if data.decided:
        story.append(_points(data.decided, "Decided by", "Decision", narrow, st))
    else:
        story.append(para("No decisions were written down yet.", st.body))

    story.append(heading("We did", st.h1, 1))
    if data.actions:
        story.append(para("What happened to each action the group agreed.", lead))
        rows: list[tuple[str, ...]] = [("Action", "Who", "What happened")]
        for action in data.actions:
            happened = action.status + (f": {action.outcome}" if action.outcome else ".")
            rows.append((action.text, action.owners or "—", happened))
        story.append(table(rows, [share * WIDTH for share in (0.42, 0.18, 0.4)], st))
    else:
        story.append(para("No actions were agreed yet.", st.body))

    story.append(heading("What could not change, and why", st.h1, 1))
    if data.could_not_change:
        not_rows: list[tuple[str, ...]] = [("What was asked for", "Why it could not go ahead")]
        not_rows += [(item.text, item.why) for item in data.could_not_change]
        story.append(table(not_rows, [WIDTH * 0.5, WIDTH * 0.5], st))
    else:
        story.append(para("Nothing so far: every action is done or still going.", st.body))

    if data.still_to_come_back_to:
        story.append(heading("Still to come back to", st.h1, 1))
        story.append(para("Things the group put aside, to come back to later.", lead))
        story.append(_points(data.still_to_come_back_to, "Raised by", "What", narrow, st))

    story.append(Spacer(1, st.size))
    story.append(
        para(
            "If you would like to know more about anything here, or think something is not "
            "right, please tell the coordinator.",
            st.body,
        )
    )
    return story


def update_layout(data: SeriesUpdate, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    return PdfLayout(
        update_story(data, large_print=large_print),
        title=f"You said, we did: {data.series_title}",
        footer=f"You said, we did: {data.series_title} — {FOOTER_WORDS[data.naming]}",
        size=base_size(large_print),
    )
