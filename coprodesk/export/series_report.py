"""The series report for coordinators: every workshop's minutes, then every action."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, PageBreak

from coprodesk.core.report_data import SeriesReportData
from coprodesk.export.minutes import INITIALS_NOTE, minutes_story
from coprodesk.export.pdf_common import (
    MARGIN,
    PdfLayout,
    base_size,
    day_words,
    heading,
    para,
    short_day,
    styles,
    table,
)

WIDTH = A4[0] - 2 * MARGIN


def _range_words(data: SeriesReportData) -> str:
    if data.date_from is None and data.date_to is None:
        return "Every workshop in the series."
    if data.date_to is None:
        return f"Workshops from {day_words(data.date_from)}."
    if data.date_from is None:
        return f"Workshops up to {day_words(data.date_to)}."
    return f"Workshops from {day_words(data.date_from)} to {day_words(data.date_to)}."


def report_story(data: SeriesReportData, *, large_print: bool) -> list[Flowable]:
    st = styles(base_size(large_print))
    story: list[Flowable] = [
        heading(f"Series report: {data.title}", st.title, 0),
        para(_range_words(data), st.body),
    ]
    if data.purpose:
        story.append(para(data.purpose, st.body, prefix="<b>What the series is for:</b> "))
    story.append(para(INITIALS_NOTE, st.small))
    story.append(heading("Summary", st.h1, 1))
    done = sum(action.status == "Done" for action in data.actions)
    story.append(
        para(
            f"{len(data.workshops)} workshops, {len(data.actions)} actions ({done} done).",
            st.body,
        )
    )
    if data.workshops:
        rows: list[tuple[str, ...]] = [("Workshop", "Date", "Present", "Actions")]
        for workshop in data.workshops:
            rows.append(
                (
                    workshop.heading.title,
                    short_day(workshop.heading.starts_at.date())
                    if workshop.heading.starts_at
                    else "—",
                    str(len(workshop.attendance.present)),
                    str(len(workshop.actions)),
                )
            )
        story.append(table(rows, [WIDTH * 0.52, WIDTH * 0.2, WIDTH * 0.14, WIDTH * 0.14], st))
    story.append(heading("Actions and what happened", st.h1, 1))
    if data.actions:
        action_rows: list[tuple[str, ...]] = [
            ("Who", "Action", "From", "By when", "Status", "What happened")
        ]
        for action in data.actions:
            action_rows.append(
                (
                    ", ".join(action.owners) or "—",
                    action.text,
                    f"{action.raised_in}\n{short_day(action.raised_on)}",
                    short_day(action.target_date),
                    action.status,
                    action.outcome_note or "—",
                )
            )
        story.append(
            table(
                action_rows,
                [w * WIDTH for w in (0.1, 0.28, 0.17, 0.12, 0.11, 0.22)],
                st,
            )
        )
    else:
        story.append(para("No actions in these workshops.", st.body))
    for workshop in data.workshops:
        story.append(PageBreak())
        story += minutes_story(workshop, st, level=1)
    return story


def report_layout(data: SeriesReportData, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    return PdfLayout(
        report_story(data, large_print=large_print),
        title=f"Series report: {data.title}",
        footer=f"Series report: {data.title} — initials only",
        size=base_size(large_print),
    )
