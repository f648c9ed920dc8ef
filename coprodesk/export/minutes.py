"""The minutes of one workshop as a PDF: initials only, never a key to names."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer

from coprodesk.core.report_data import ActionData, EntryData, MinutesData
from coprodesk.export.pdf_common import (
    MARGIN,
    PdfLayout,
    Styles,
    base_size,
    heading,
    para,
    short_day,
    styles,
    table,
    text,
    when_words,
)

INITIALS_NOTE = (
    "People are named by their initials only. These minutes hold no list of names and no roles."
)
WIDTH = A4[0] - 2 * MARGIN


def _count(label: str, initials: tuple[str, ...]) -> str:
    listed = ", ".join(initials) if initials else "nobody"
    return f"<b>{label} ({len(initials)}):</b> {text(listed)}"


def entry_flowable(entry: EntryData, st: Styles) -> Flowable:
    notes = []
    if entry.decided_by:
        notes.append(f"made by {text(entry.decided_by)}")
    elif entry.speakers:
        notes.append(text(", ".join(entry.speakers)))
    if entry.sent_in_writing:
        notes.append("sent in writing")
    if entry.agreement_point is not None:
        notes.append(f"about agreement point {entry.agreement_point}")
    label = f"<b>{entry.kind}</b>" + (f" ({'; '.join(notes)})" if notes else "")
    return para(entry.text, st.body, prefix=label + ": ")


def actions_table(actions: tuple[ActionData, ...], st: Styles) -> Flowable:
    rows = [("Who", "Action", "By when", "Status")]
    for action in actions:
        what = action.text + (f"\nSupport buddy: {action.buddy}" if action.buddy else "")
        rows.append(
            (", ".join(action.owners) or "—", what, short_day(action.target_date), action.status)
        )
    return table(rows, [WIDTH * 0.16, WIDTH * 0.50, WIDTH * 0.17, WIDTH * 0.17], st)


def review_table(actions: tuple[ActionData, ...], st: Styles) -> Flowable:
    rows = [("Who", "Action", "From", "Status", "What happened")]
    for action in actions:
        rows.append(
            (
                ", ".join(action.owners) or "—",
                action.text,
                f"{action.raised_in}\n{short_day(action.raised_on)}",
                action.status,
                action.outcome_note or "—",
            )
        )
    return table(rows, [WIDTH * 0.12, WIDTH * 0.32, WIDTH * 0.18, WIDTH * 0.13, WIDTH * 0.25], st)


def minutes_story(data: MinutesData, st: Styles, *, level: int = 0) -> list[Flowable]:
    """The minutes as flowables; ``level`` is the bookmark level of the title."""
    head = data.heading
    story: list[Flowable] = [
        heading(head.title, st.title, level),
        para(head.series_title, st.h3),
        para(f"{when_words(head.starts_at)}" + (f" — {head.venue}" if head.venue else ""), st.body),
    ]
    if head.purpose:
        story.append(para(head.purpose, st.body, prefix="<b>What it was for:</b> "))
    story.append(para(INITIALS_NOTE, st.small))

    sub = level + 1
    attendance = data.attendance
    story += [
        heading("Who took part", st.h1, sub),
        para("", st.body, prefix=_count("Present", attendance.present)),
        para("", st.body, prefix=_count("Sent views in writing", attendance.in_writing)),
        para("", st.body, prefix=_count("Apologies", attendance.apologies)),
    ]

    story.append(heading("The group agreement", st.h1, sub))
    if data.agreement is None or not data.agreement.statements:
        story.append(para("No group agreement had been made yet.", st.body))
    else:
        story.append(para(f"As it stood: version {data.agreement.version}.", st.small))
        for statement in data.agreement.statements:
            counts = f"agreed by {statement.agreed}"
            if statement.change_asked:
                counts += f", a change asked by {statement.change_asked}"
            story.append(
                para(
                    statement.text,
                    st.body,
                    prefix=f"<b>{statement.number}.</b> ",
                )
            )
            story.append(para(f"({counts})", st.small))

    story.append(heading("Agenda and minutes", st.h1, sub))
    if not data.sections:
        story.append(para("No agenda or minutes were recorded.", st.body))
    for section in data.sections:
        title = section.title + (" (break)" if section.is_break else "")
        story.append(heading(title, st.h2, sub + 1))
        if section.content_note:
            story.append(para(section.content_note, st.small, prefix="<b>Content note:</b> "))
        if not section.entries and not section.is_break:
            story.append(para("Nothing was minuted.", st.small))
        story += [entry_flowable(entry, st) for entry in section.entries]

    story.append(heading("Points raised about the agreement", st.h1, sub))
    if not data.concerns:
        story.append(para("None.", st.body))
    story += [entry_flowable(entry, st) for entry in data.concerns]

    story.append(heading("Actions", st.h1, sub))
    if data.actions:
        story.append(actions_table(data.actions, st))
    else:
        story.append(para("No actions were agreed.", st.body))

    story.append(heading("Review of earlier actions", st.h1, sub))
    if data.reviewed:
        story.append(review_table(data.reviewed, st))
    else:
        story.append(para("No earlier actions were reviewed.", st.body))
    story.append(Spacer(1, st.size))
    return story


def minutes_layout(data: MinutesData, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    st = styles(base_size(large_print))
    title = f"Minutes: {data.heading.title}"
    return PdfLayout(
        minutes_story(data, st),
        title=title,
        footer=f"{title} — initials only",
        size=st.size,
    )
