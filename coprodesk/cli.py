"""Headless commands for coordinators and scripts, usable with no display.

Each command opens the database for one short piece of work. Commands that
write (``demo``, ``import``) hold the data folder's lock while they do.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprodesk import __version__, paths
from coprodesk.core.errors import UserFacingError

if TYPE_CHECKING:
    from coprodesk.core.db import Database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1  # a problem the user can fix; the message says what
EXIT_BUG = 70  # something unexpected; details are in the log

STATUS_WORDS = {"planned": "planned", "live": "running now", "closed": "closed"}


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder that holds the CoproDesk database (also ${paths.DATA_DIR_ENV}); "
        "default: your user data folder",
    )
    parser = argparse.ArgumentParser(
        prog="coprodesk",
        description="CoproDesk runs fair coproduction workshops offline. "
        "With no command it opens the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"CoproDesk {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a demo series in a throwaway folder (nothing is kept)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("list", parents=[common], help="list series and workshops with their ids")
    commands.add_parser("demo", parents=[common], help="add the demo series to the data folder")
    export = commands.add_parser(
        "export-json", parents=[common], help="write one workshop to a bundle file"
    )
    export.add_argument("workshop_id", metavar="WORKSHOP_ID")
    export.add_argument("--out", metavar="FILE", required=True, type=Path)
    _add_export_pdf(commands, common)
    importer = commands.add_parser("import", parents=[common], help="import a workshop bundle file")
    importer.add_argument("file", metavar="FILE", type=Path)
    check = commands.add_parser(
        "check",
        parents=[common],
        help="say whether a workshop is ready to close (exits 1 when it is not)",
    )
    check.add_argument("workshop_id", metavar="WORKSHOP_ID")
    export_csv = commands.add_parser(
        "export-csv",
        parents=[common],
        help="write the coordinator's finance CSV for a series (holds names and money)",
    )
    export_csv.add_argument("kind", choices=["recompense"], help="what to write: recompense")
    export_csv.add_argument("--series", metavar="SERIES_ID", required=True)
    export_csv.add_argument("--out", metavar="FILE", required=True, type=Path)
    export_csv.add_argument("--from", dest="start", metavar="YYYY-MM-DD", default=None)
    export_csv.add_argument("--to", dest="end", metavar="YYYY-MM-DD", default=None)
    return parser


def _add_export_pdf(commands: Any, common: argparse.ArgumentParser) -> None:
    pdf = commands.add_parser(
        "export-pdf",
        parents=[common],
        help="write a workshop's minutes, action slips, agreement poster or briefing, "
        'or a series report or "you said, we did" update, to a PDF',
        description="Write a PDF. For a workshop: WORKSHOP_ID --kind KIND. "
        "For the series report: --series SERIES_ID (optionally --from and --to). "
        'For the "you said, we did" update: --series SERIES_ID --kind update '
        "(optionally --naming first-names). "
        "For the summary for finance: --series SERIES_ID --kind recompense "
        "(optionally --from and --to).",
    )
    pdf.add_argument("workshop_id", metavar="WORKSHOP_ID", nargs="?")
    pdf.add_argument("--out", metavar="FILE", required=True, type=Path)
    pdf.add_argument(
        "--kind",
        choices=("minutes", "slips", "agreement", "briefing", "update", "recompense"),
        default=None,
        help="for a workshop: minutes (the default), slips, agreement or briefing; "
        "with --series: update, or recompense (the summary for finance)",
    )
    pdf.add_argument(
        "--series",
        metavar="SERIES_ID",
        help="the series report for this series (or its update, with --kind update)",
    )
    pdf.add_argument(
        "--naming",
        choices=("first-names", "initials"),
        default=None,
        help="update only: show people by first name or by initials (the default)",
    )
    pdf.add_argument("--large-print", action="store_true", help="larger text throughout")
    pdf.add_argument(
        "--names",
        action="store_true",
        help="slips only: print each person's name on their own slip instead of initials",
    )
    pdf.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_day)
    pdf.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_day)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, for example 2026-03-14"
        ) from None


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "data_dir", None):
        paths.set_data_dir(args.data_dir)
    if args.command is None:
        return _open_app(demo=args.demo)

    from coprodesk.logs import setup_logging

    setup_logging()
    handler = COMMANDS[args.command]
    try:
        return handler(args)
    except UserFacingError as error:
        print(f"coprodesk: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception:
        log.exception("command %s failed", args.command)
        print(
            "coprodesk: something went wrong that CoproDesk did not expect. Nothing saved "
            f"before was lost. Details are in the log: {paths.log_path()}",
            file=sys.stderr,
        )
        return EXIT_BUG


def _open_app(*, demo: bool) -> int:
    from coprodesk.ui.app import LaunchOptions, run

    return run(LaunchOptions(demo=demo))


def _open() -> Database:
    from coprodesk.core.db import open_database

    return open_database()


def cmd_list(_args: argparse.Namespace) -> int:
    from coprodesk.core.series import list_series

    database = _open()
    try:
        with database.reading() as session:
            all_series = list_series(session)
    finally:
        database.close()
    if not all_series:
        print("No series yet. Open the app to start one, or run `coprodesk demo` to explore.")
        return EXIT_OK
    for series in all_series:
        people = "person" if series.people == 1 else "people"
        print(f"Series {series.id}  {series.title}  ({series.people} {people})")
        if not series.workshops:
            print("  (no workshops yet)")
        for workshop in series.workshops:
            when = (
                workshop.starts_at.strftime("%Y-%m-%d %H:%M") if workshop.starts_at else "no date"
            )
            status = STATUS_WORDS[workshop.status.value]
            print(f"  Workshop {workshop.id}  {when:<16}  {status:<12}  {workshop.title}")
    return EXIT_OK


def cmd_demo(_args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from coprodesk.core.demo import DEMO_TITLE, create_demo_series
    from coprodesk.core.folder_lock import FolderLock
    from coprodesk.core.models import Series

    with FolderLock():
        database = _open()
        try:
            with database.transaction() as session:
                existing = session.scalar(select(Series.id).where(Series.title == DEMO_TITLE))
                if existing is not None:
                    print(f"The demo series is already here: series {existing}.")
                    return EXIT_OK
                series_id = create_demo_series(session)
        finally:
            database.close()
    log.info("demo series %s created", series_id)
    print(f"Added the demo series {series_id} to {paths.data_dir()}.")
    print("Run `coprodesk list` to see its workshops, or `coprodesk` to open the app.")
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from coprodesk.core.bundle import write_bundle
    from coprodesk.core.series import find_workshop_id

    database = _open()
    try:
        with database.reading() as session:
            workshop_id = find_workshop_id(session, args.workshop_id)
            write_bundle(session, workshop_id, args.out)
    finally:
        database.close()
    log.info("workshop %s exported to a bundle", workshop_id)
    print(f"Wrote workshop {workshop_id} to {args.out}.")
    print("The bundle holds names and notes: keep it as safely as any personal record.")
    return EXIT_OK


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from coprodesk.core.series import find_series_id, find_workshop_id
    from coprodesk.export.documents import KIND_WORDS, ExportRequest, read_document, save_document

    update = args.kind == "update"
    if args.series is None and update:
        raise UserFacingError(
            "The update is for a series: give --series SERIES_ID --kind update. "
            "Run `coprodesk list` to see the ids."
        )
    money = args.kind == "recompense"
    if args.series is None and money:
        raise UserFacingError(
            "The summary for finance is for a series: give --series SERIES_ID --kind recompense. "
            "Run `coprodesk list` to see the ids."
        )
    if (args.series is None) == (args.workshop_id is None):
        raise UserFacingError(
            "Give either a WORKSHOP_ID (with --kind) or --series SERIES_ID, not both. "
            "Run `coprodesk list` to see the ids."
        )
    if args.series is None and (args.date_from or args.date_to):
        raise UserFacingError("--from and --to are for the series report (--series) only.")
    if args.series is not None and args.kind not in (None, "update", "recompense"):
        raise UserFacingError(
            f"--kind {args.kind} is for a workshop: give its WORKSHOP_ID instead of --series. "
            "With --series, leave out --kind for the series report, or give --kind update "
            "or --kind recompense."
        )
    if args.naming is not None and not update:
        raise UserFacingError("--naming is for the update (--series SERIES_ID --kind update) only.")
    if update and (args.date_from or args.date_to):
        raise UserFacingError("--from and --to are for the series report only, not the update.")
    if money and args.date_from and args.date_to and args.date_to < args.date_from:
        raise UserFacingError("The --to date is before the --from date. Please swap them round.")
    database = _open()
    try:
        with database.reading() as session:
            if money:
                request = ExportRequest(
                    "recompense",
                    find_series_id(session, args.series),
                    large_print=args.large_print,
                    date_from=args.date_from,
                    date_to=args.date_to,
                )
            elif update:
                request = ExportRequest(
                    "update",
                    find_series_id(session, args.series),
                    large_print=args.large_print,
                    naming="first_names" if args.naming == "first-names" else "initials",
                )
            elif args.series is not None:
                request = ExportRequest(
                    "series",
                    find_series_id(session, args.series),
                    large_print=args.large_print,
                    date_from=args.date_from,
                    date_to=args.date_to,
                )
            else:
                request = ExportRequest(
                    args.kind or "minutes",
                    find_workshop_id(session, args.workshop_id),
                    large_print=args.large_print,
                    show_names=args.names,
                )
            data = read_document(session, request)
    finally:
        database.close()
    save_document(request, data, args.out)
    log.info("%s %s exported to a PDF", request.kind, request.target_id)
    print(f"Wrote {_lower_first(KIND_WORDS[request.kind])} to {args.out}.")
    if request.kind == "slips" and request.show_names:
        print("Each slip shows its holder's name: give each person only their own.")
    if request.kind == "update":
        shown = "first names" if request.naming == "first_names" else "initials"
        print(f"People are shown by {shown} only.")
    if request.kind == "recompense":
        print("It holds names and money: give it only to finance, and keep it safe.")
    return EXIT_OK


def _lower_first(words: str) -> str:
    """ "Series report" as "series report", and "“You said…”" as "“you said…”"."""
    at = next((index for index, char in enumerate(words) if char.isalpha()), 0)
    return words[:at] + words[at : at + 1].lower() + words[at + 1 :]


def cmd_import(args: argparse.Namespace) -> int:
    from coprodesk.core.bundle import import_bundle, read_bundle
    from coprodesk.core.folder_lock import FolderLock

    data = read_bundle(args.file)
    with FolderLock():
        database = _open()
        try:
            with database.transaction() as session:
                result = import_bundle(session, data)
        finally:
            database.close()
    log.info("bundle imported into workshop %s", result.workshop_id)
    print(f"Imported workshop {result.workshop_id}: {result.describe()}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from coprodesk.core.closing import readiness
    from coprodesk.core.series import find_workshop_id

    database = _open()
    try:
        with database.reading() as session:
            workshop_id = find_workshop_id(session, args.workshop_id)
            ready = readiness(session, workshop_id)
    finally:
        database.close()
    for line in ready.lines():
        print(line)
    return EXIT_OK if ready.ready else EXIT_PROBLEM


def cmd_export_csv(args: argparse.Namespace) -> int:
    from coprodesk.core.recompense import parse_day, write_finance_csv
    from coprodesk.core.series import find_series_id

    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    database = _open()
    try:
        with database.reading() as session:
            series_id = find_series_id(session, args.series)
            rows = write_finance_csv(session, series_id, args.out, start, end)
    finally:
        database.close()
    log.info("finance csv for series %s written (%d rows)", series_id, rows)
    print(f"Wrote {rows} row{'' if rows == 1 else 's'} for finance to {args.out}.")
    print("The file holds names and money: keep it safe and delete it once finance has it.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": cmd_list,
    "demo": cmd_demo,
    "export-json": cmd_export_json,
    "export-pdf": cmd_export_pdf,
    "import": cmd_import,
    "check": cmd_check,
    "export-csv": cmd_export_csv,
}
