"""A person's record of contribution: for them to show an employer or a college.

Only layout: what it says is gathered (and refused without the person's
agreement) by ``coprodesk.core.contribution_record``. It names only that
person; every other text has been through the name guard. Nothing about
money, rewards or roles is in it.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from coprodesk.core.contribution_record import ContributionRecord
from coprodesk.export.pdf_common import (
    MARGIN,
    PdfLayout,
    Styles,
    base_size,
    bullet,
    bullet_style,
    day_words,
    heading,
    para,
    short_day,
    styles,
    table,
)

WIDTH = A4[0] - 2 * MARGIN
ABOUT_COPRODUCTION = (
    "In coproduction, people who use services and the people who run them work together as "
    "equals: they share what they know, weigh up ideas and decide together what should change. "
    "Taking part means listening, speaking up, working with others and following things through."
)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _topics(topics: tuple[str, ...], st: Styles) -> Flowable:
    """The topics as bullets in two columns, so a long list still leaves room for the rest."""
    bullets = [bullet(topic, st) for topic in topics]
    half = (len(bullets) + 1) // 2
    rows = [
        [bullets[row], bullets[row + half] if row + half < len(bullets) else ""]
        for row in range(half)
    ]
    half_width = (WIDTH - 12) / 2  # inside the frame's padding, level with the text
    columns = Table(rows, colWidths=[half_width, half_width], splitInRow=1)
    columns.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return columns


def record_story(data: ContributionRecord, *, large_print: bool) -> list[Flowable]:
    st = styles(base_size(large_print))
    lead = ParagraphStyle("lead", parent=st.body, keepWithNext=1)  # stays with its list
    story: list[Flowable] = [
        heading("Record of contribution", st.title, 0),
        para(data.person_name, st.h1),
        para(data.summary, st.body),
    ]
    story.append(heading("What the series is for", st.h2, 1))
    if data.series_purpose.strip():
        story.append(para(data.series_purpose, st.body))
    story.append(para(ABOUT_COPRODUCTION, st.body))

    story.append(heading("Workshops they took part in", st.h2, 1))
    if data.workshops:
        written = any(workshop.written for workshop in data.workshops)
        head = ("Workshop", "Date", "How they took part", "Time given")
        rows: list[tuple[str, ...]] = [(*head, "Sent in writing") if written else head]
        for workshop in data.workshops:
            row: tuple[str, ...] = (
                workshop.title,
                short_day(workshop.on),
                workshop.how.capitalize(),
                workshop.time_given,
            )
            rows.append((*row, str(workshop.written)) if written else row)
        shares = (0.34, 0.16, 0.22, 0.14, 0.14) if written else (0.4, 0.18, 0.24, 0.18)
        story.append(table(rows, [share * WIDTH for share in shares], st))
        story.append(Spacer(1, st.size * 0.5))
        totals = f"Altogether: {data.total_time} of their time"
        if data.written_contributions:
            totals += ", and " + _plural(
                data.written_contributions,
                "contribution sent in writing",
                "contributions sent in writing",
            )
        story.append(para(totals + ".", st.body))
    else:
        story.append(para("No workshops are recorded yet.", st.body))

    story.append(heading("What the series worked on", st.h2, 1))
    if data.topics:
        story.append(para("In the workshops they took part in, the group talked about:", lead))
        story.append(_topics(data.topics, st))
    else:
        story.append(para("No topics are recorded for these workshops.", st.body))

    story.append(heading("Actions they completed", st.h2, 1))
    if data.actions_completed:
        story.append(
            para(
                "Actions are the things the group agreed someone would do between workshops. "
                f"{data.person_name} completed "
                + _plural(len(data.actions_completed), "action", "actions")
                + ":",
                lead,
            )
        )
        for action in data.actions_completed:
            item: list[Flowable] = [bullet(action.text, st)]
            if action.outcome:
                item.append(
                    para(action.outcome, bullet_style(st, st.small), prefix="What happened: ")
                )
            story.append(KeepTogether(item))
    else:
        story.append(para("No completed actions are recorded yet.", st.body))

    about = [
        heading("About this record", st.h2, 1),
        para(
            f"Made on {day_words(data.made_on)} by the coordinator of the series, with "
            f"{data.person_name}'s agreement (given on {day_words(data.agreed_on)}). It names "
            "only them: anyone else is shown by initials. Please ask the coordinator if you "
            "would like to check any of it.",
            st.body,
        ),
        Spacer(1, st.size * 1.5),
        para(
            "",
            st.body,
            prefix="Coordinator's signature: ________________________"
            "&nbsp;&nbsp;&nbsp;&nbsp;Date: ______________",
        ),
    ]
    story.append(KeepTogether(about))
    return story


def record_layout(data: ContributionRecord, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    return PdfLayout(
        record_story(data, large_print=large_print),
        title=f"Record of contribution: {data.person_name}",
        footer=f"Record of contribution: {data.person_name}, {data.series_title}",
        size=base_size(large_print),
    )
