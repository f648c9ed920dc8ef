"""The summary for finance: a series' money, person by person, for the coordinator.

Only layout: what it says is gathered by ``coprodesk.core.recompense_summary``.
Unlike every other document it names people in full and shows money, because it
is for finance; the header says so, and asks for it to be kept safe.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from coprodesk.core.recompense import format_pounds
from coprodesk.core.recompense_summary import RecompenseSummary, SummaryPerson
from coprodesk.export.pdf_common import (
    LARGE_SIZE,
    MARGIN,
    PdfLayout,
    Styles,
    base_size,
    day_words,
    heading,
    para,
    short_day,
    styles,
    table,
)

WIDTH = A4[0] - 2 * MARGIN
KEEP_SAFE = (
    "This summary holds people's names and money. Keep it safe: give it only to finance, "
    "and delete or shred your copy once they have it."
)


def _pounds(pence: int) -> str:
    return f"£{format_pounds(pence)}"


def _person(person: SummaryPerson, st: Styles) -> list[Flowable]:
    preference = person.preference + (
        f" ({person.preference_note})" if person.preference_note else ""
    )
    rows: list[tuple[str, ...]] = [("Workshop", "Date", "Kind", "Amount", "Status")]
    for line in person.lines:
        kind = line.kind + (f": {line.note}" if line.note else "")
        rows.append(
            (line.workshop, short_day(line.on), kind, _pounds(line.amount_pence), line.status)
        )
    rows.append(
        (
            f"Total (owed {_pounds(person.owed)}, given {_pounds(person.given)})",
            "",
            "",
            _pounds(person.total),
            "",
        )
    )
    shares = (
        (0.3, 0.15, 0.33, 0.12, 0.1) if st.size < LARGE_SIZE else (0.23, 0.16, 0.29, 0.17, 0.15)
    )
    lines = table(rows, [share * WIDTH for share in shares], st)
    lines.setStyle(TableStyle([("SPAN", (0, -1), (2, -1))]))  # the total's words, across
    lead = ParagraphStyle("lead", parent=st.body, keepWithNext=1)
    return [
        heading(person.name, st.h2, 2),
        para(f"Reward preference: {preference}", lead),
        lines,
    ]


def summary_story(data: RecompenseSummary, *, large_print: bool) -> list[Flowable]:
    st = styles(base_size(large_print))
    story: list[Flowable] = [
        heading(f"Summary for finance: {data.series_title}", st.title, 0),
        para(KEEP_SAFE, st.body),
        para(f"{data.range_words}. Made on {day_words(data.made_on)}.", st.small),
    ]
    totals = data.totals
    story.append(heading("Totals for the series", st.h1, 1))
    if totals.total:
        rows: list[tuple[str, ...]] = [("What", "Amount")]
        rows += [(label, _pounds(pence)) for label, pence in data.by_kind if pence]
        rows += [
            ("Owed", _pounds(totals.owed)),
            ("Given", _pounds(totals.given)),
            ("Total", _pounds(totals.total)),
        ]
        story.append(KeepTogether([table(rows, [WIDTH * 0.6, WIDTH * 0.4], st)]))
        story.append(Spacer(1, st.size * 0.4))
        people = "person" if totals.people == 1 else "people"
        workshops = "workshop" if totals.workshops == 1 else "workshops"
        story.append(
            para(f"For {totals.people} {people} across {totals.workshops} {workshops}.", st.body)
        )
    else:
        story.append(para("No money is recorded for these workshops.", st.body))
    if data.people:
        story.append(heading("Person by person", st.h1, 1))
        for person in data.people:
            story += _person(person, st)
            story.append(Spacer(1, st.size * 0.6))
    return story


def summary_layout(data: RecompenseSummary, *, large_print: bool = False) -> PdfLayout:
    """The PDF's story, title, footer and text size."""
    return PdfLayout(
        summary_story(data, large_print=large_print),
        title=f"Summary for finance: {data.series_title}",
        footer=f"Summary for finance: {data.series_title} — private: names and money",
        size=base_size(large_print),
    )
