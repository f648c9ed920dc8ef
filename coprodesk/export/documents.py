"""One way in for every PDF export, shared by the CLI and the app.

``read_document`` runs in a database session and returns plain data (the name
guard applied, initials only); ``write_document`` lays that data out with
ReportLab, reporting progress and stopping when cancelled. ReportLab loads only
when a document is written, never when CoproDesk starts.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.export.pdf_common import CancelledFn, PdfLayout, ProgressFn

WORKSHOP_KINDS = ("minutes", "slips", "agreement", "briefing")
SERIES_KIND = "series"
RECORD_KIND = "record"  # a person's record of contribution: target is the participant
UPDATE_KIND = "update"  # the "you said, we did" update: target is the series
RECOMPENSE_KIND = "recompense"  # the summary for finance: target is the series
COORDINATOR_KINDS = (RECORD_KIND, UPDATE_KIND, RECOMPENSE_KIND)
NAMINGS = ("initials", "first_names")  # the update's choice, as in series_update.Naming
KIND_WORDS = {
    "minutes": "Minutes",
    "slips": "Action slips",
    "agreement": "Agreement poster",
    "briefing": "Briefing pack",
    "series": "Series report",
    "record": "Record of contribution",
    "update": "“You said, we did” update",
    "recompense": "Summary for finance",
}


class ExportCancelled(Exception):
    """The person asked to stop; nothing was written."""


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a workshop document (``kind``), the series report, or a coordinator's.

    For ``record`` the target is a person (participant); for ``series``,
    ``update`` and ``recompense`` it is a series; otherwise a workshop.
    """

    kind: str
    target_id: uuid.UUID
    large_print: bool = False
    show_names: bool = False  # slips only: the holder's name instead of initials
    date_from: date | None = None  # series report and summary for finance only
    date_to: date | None = None
    naming: str = "initials"  # update only: "initials" or "first_names"
    today: date | None = None  # coordinator's documents: the date made (default today)

    def __post_init__(self) -> None:
        if self.kind not in (*WORKSHOP_KINDS, SERIES_KIND, *COORDINATOR_KINDS):
            raise ValueError(f"unknown export kind {self.kind!r}")
        if self.naming not in NAMINGS:
            raise ValueError(f"unknown naming {self.naming!r}")


def read_document(session: Session, request: ExportRequest) -> object:
    """The data one document prints, read in one session."""
    from coprodesk.core import report_data

    if request.kind == "minutes":
        return report_data.minutes_data(session, request.target_id)
    if request.kind == "slips":
        return report_data.slips_data(session, request.target_id, show_names=request.show_names)
    if request.kind == "agreement":
        return report_data.poster_data(session, request.target_id)
    if request.kind == "briefing":
        return report_data.briefing_data(session, request.target_id)
    if request.kind == RECORD_KIND:
        from coprodesk.core.contribution_record import record_of_contribution

        return record_of_contribution(session, request.target_id, request.today or date.today())
    if request.kind == UPDATE_KIND:
        from coprodesk.core.series_update import Naming, series_update

        return series_update(
            session, request.target_id, Naming(request.naming), request.today or date.today()
        )
    if request.kind == RECOMPENSE_KIND:
        from coprodesk.core.recompense_summary import recompense_summary

        return recompense_summary(
            session,
            request.target_id,
            request.today or date.today(),
            request.date_from,
            request.date_to,
        )
    return report_data.series_report_data(
        session, request.target_id, date_from=request.date_from, date_to=request.date_to
    )


def write_document(
    request: ExportRequest,
    data: object,
    out: BinaryIO,
    *,
    invariant: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    """Lay out ``data`` (from ``read_document``) as a PDF into ``out``."""
    from coprodesk.export.pdf_common import build_pdf

    layout: Callable[..., PdfLayout]
    if request.kind == "minutes":
        from coprodesk.export.minutes import minutes_layout as layout
    elif request.kind == "slips":
        from coprodesk.export.slips import slips_layout as layout
    elif request.kind == "agreement":
        from coprodesk.export.agreement import poster_layout as layout
    elif request.kind == "briefing":
        from coprodesk.export.briefing import briefing_layout as layout
    elif request.kind == RECORD_KIND:
        from coprodesk.export.contribution_record import record_layout as layout
    elif request.kind == UPDATE_KIND:
        from coprodesk.export.series_update import update_layout as layout
    elif request.kind == RECOMPENSE_KIND:
        from coprodesk.export.recompense_summary import summary_layout as layout
    else:
        from coprodesk.export.series_report import report_layout as layout
    build_pdf(
        layout(data, large_print=request.large_print),
        out,
        invariant=invariant,
        progress=progress,
        cancelled=cancelled,
    )


def save_document(
    request: ExportRequest,
    data: object,
    path: Path,
    *,
    invariant: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    """Write the PDF to ``path``; a failed or cancelled export leaves nothing there."""
    from coprodesk.export.pdf_common import save_pdf

    save_pdf(
        path,
        lambda out: write_document(
            request, data, out, invariant=invariant, progress=progress, cancelled=cancelled
        ),
    )
