"""Render the PDF export dialog and the first page of each PDF, from the demo series.

    python docs/screenshots_export.py [--out docs/images]

Writes export-dialog.png and export-dialog-200.png (the dialog on a held workshop, at
100 % and 200 % text), export-progress.png (an export of the series report under way,
with its progress bar and Cancel), and pdf-minutes.png, pdf-slip.png, pdf-poster.png,
pdf-briefing.png and pdf-series.png (first pages, made with pdftoppm from poppler-utils).
Look at every image before using it in the guide.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import SIZE_100, SIZE_200, _open_window, _save, _settle  # noqa: E402
from screenshots_live import run_script, stored, throwaway_app  # noqa: E402

from coprodesk import paths  # noqa: E402
from coprodesk.ui import export_dialog  # noqa: E402
from coprodesk.ui.palette import apply_look  # noqa: E402


def _dialogs(app: QApplication, loop: Any, out: Path, folder: Path) -> None:
    for scale, size, suffix in ((1.0, SIZE_100, ""), (2.0, SIZE_200, "-200")):
        apply_look(app, scale)
        window, runner = _open_window(app, loop, size)
        page = window.series_page
        assert page is not None
        series = page.current_series()
        assert series is not None
        held = [w for w in series.workshops if w.status == "closed"]
        page.select_workshop(held[-1].id)
        window.export_pdf_action.trigger()
        dialog = page.active_dialog
        assert isinstance(dialog, export_dialog.ExportDialog)
        dialog.kind_buttons["slips"].setChecked(True)
        _settle(app)
        dialog.resize(
            dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
        )  # offscreen: no auto-grow
        _settle(app)
        _save(dialog, out / f"export-dialog{suffix}.png")
        if scale == 1.0:
            dialog.close()
            window.export_series_action.trigger()
            dialog = page.active_dialog
            assert isinstance(dialog, export_dialog.ExportDialog)
            export_dialog.choose_path = lambda _p, _s: folder / "series.pdf"  # type: ignore[assignment]
            shot: list[bool] = []

            def grab(
                percent: int,
                dialog: export_dialog.ExportDialog = dialog,
                shot: list[bool] = shot,
            ) -> None:
                if percent >= 30 and not shot:  # grab now: settling would let the export end
                    shot.append(True)
                    _save(dialog, out / "export-progress.png")

            _settle(app)
            dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSizeHint()))
            dialog.progressed.connect(grab)
            done = asyncio.Event()
            dialog.exported.connect(lambda _path, done=done: done.set())
            dialog.start_export()
            loop.run_until_complete(asyncio.wait_for(done.wait(), 120))
        else:
            dialog.close()
        while window.series_page is not None and window.series_page.tasks.busy:
            loop.run_until_complete(asyncio.sleep(0.01))
        window.close()
        runner.close()


def _pdf_pages(out: Path, folder: Path) -> None:
    from coprodesk.core.db import open_database
    from coprodesk.core.demo import DEMO_TITLE
    from coprodesk.core.series import list_series
    from coprodesk.export.documents import ExportRequest, read_document, save_document

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): no PDF page images")
        return
    database = open_database()
    try:
        with database.reading() as session:
            series = next(s for s in list_series(session) if s.title == DEMO_TITLE)
            held = [w for w in series.workshops if w.status == "closed"][-1]
            coming = next(w for w in series.workshops if w.status == "planned")
            requests = {
                "pdf-minutes": ExportRequest("minutes", held.id),
                "pdf-slip": ExportRequest("slips", held.id, show_names=True),
                "pdf-poster": ExportRequest("agreement", held.id),
                "pdf-briefing": ExportRequest("briefing", coming.id),
                "pdf-series": ExportRequest("series", series.id),
            }
            documents = {name: (r, read_document(session, r)) for name, r in requests.items()}
    finally:
        database.close()
    for name, (request, data) in documents.items():
        pdf = folder / f"{name}.pdf"
        save_document(request, data, pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, out / name],
            check=True,
        )
        print(f"wrote {(out / name).with_suffix('.png').relative_to(ROOT)}")


def render(out: Path) -> None:
    from coprodesk.core.demo import create_demo_series

    with throwaway_app(out) as (app, loop):
        stored(create_demo_series)
        folder = paths.data_dir()
        _dialogs(app, loop, out, folder)
        _pdf_pages(out, folder)


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render the export dialog and the PDFs' first pages to PNG.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
