"""What every CoproDesk PDF shares: fonts, styles, escaping, page X of Y, bookmarks.

Fonts are the DejaVu Sans family shipped in ``resources/fonts/`` (free licence in
``LICENSE-DejaVu.txt``), embedded in every PDF, with bold and italic mapped so
``<b>`` and ``<i>`` work. Every piece of user text goes through ``text()``,
which escapes it, so "Sam <3 & co" prints as typed.

A build can report progress and be cancelled: ``progress(done, total)`` is
called as flowables are laid out, and when ``cancelled()`` turns true the build
stops with ``ExportCancelled``. Nothing is written to a path until a build has
finished (``save_pdf``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from coprodesk import paths
from coprodesk.core.errors import UserFacingError
from coprodesk.export.documents import ExportCancelled

FONT = "CoproSans"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
    f"{FONT}-Italic": "DejaVuSans-Oblique.ttf",
    f"{FONT}-BoldItalic": "DejaVuSans-BoldOblique.ttf",
}
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4d4d4d")
RULE = colors.HexColor("#8c8c8c")
SHADE = colors.HexColor("#eeeeee")
MARGIN = 18 * mm

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]

_registered = False
# Compressed page streams as binary, not also ASCII85 text: smaller and faster to write.
rl_config.useA85 = 0


def register_fonts() -> None:
    """Register the shipped fonts once, with bold and italic mapped."""
    global _registered
    if _registered:
        return
    folder = paths.resources_dir() / "fonts"
    for name, file_name in FONT_FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise UserFacingError(
                f"CoproDesk could not find its font file {file_name} in {folder}. "
                "Reinstalling CoproDesk puts it back."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Italic",
        boldItalic=f"{FONT}-BoldItalic",
    )
    _registered = True


def text(value: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept, tabs as spaces."""
    return escape(value).replace("\t", "    ").replace("\r\n", "\n").replace("\n", "<br/>")


def day_words(day: date | None) -> str:
    if day is None:
        return "no date set"
    return f"{day:%A} {day.day} {day:%B %Y}"


def when_words(moment: datetime | None) -> str:
    if moment is None:
        return "no date set"
    return f"{day_words(moment.date())}, {moment:%H:%M}"


def short_day(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day is not None else "—"


@dataclass(frozen=True)
class Styles:
    """Paragraph styles at one base size (11 pt, or 16 pt for large print)."""

    size: float
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def styles(size: float) -> Styles:
    register_fonts()

    def style(name: str, scale: float, **extra: Any) -> ParagraphStyle:
        font_size = size * scale
        settings: dict[str, Any] = {
            "fontName": FONT,
            "fontSize": font_size,
            "leading": font_size * 1.35,
            "textColor": INK,
            "alignment": TA_LEFT,
            "spaceAfter": font_size * 0.45,
        }
        settings.update(extra)
        return ParagraphStyle(name, **settings)

    return Styles(
        size=size,
        body=style("body", 1.0),
        small=style("small", 0.85, textColor=MUTED),
        title=style(
            "title",
            1.9,
            fontName=f"{FONT}-Bold",
            leading=size * 2.3,
            spaceAfter=size,
            keepWithNext=1,
        ),
        h1=style("h1", 1.45, fontName=f"{FONT}-Bold", spaceBefore=size * 0.9, keepWithNext=1),
        h2=style("h2", 1.2, fontName=f"{FONT}-Bold", spaceBefore=size * 0.7, keepWithNext=1),
        h3=style("h3", 1.05, fontName=f"{FONT}-Bold", spaceBefore=size * 0.4, keepWithNext=1),
        cell=style("cell", 0.95, spaceAfter=0),
        cell_head=style("cell_head", 0.95, fontName=f"{FONT}-Bold", spaceAfter=0),
    )


BASE_SIZE = 11.0
LARGE_SIZE = 16.0


def base_size(large_print: bool) -> float:
    return LARGE_SIZE if large_print else BASE_SIZE


class Heading(Paragraph):  # type: ignore[misc]  # ReportLab has no types
    """A heading that becomes a bookmark (outline entry) at ``level``."""

    def __init__(self, label: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(text(label), style)
        self.label = label
        self.level = level


def heading(label: str, style: ParagraphStyle, level: int) -> Heading:
    return Heading(label, style, level)


def para(value: str, style: ParagraphStyle, *, prefix: str = "") -> Paragraph:
    """A paragraph of user text; ``prefix`` is trusted markup put before it."""
    return Paragraph(prefix + text(value), style)


def bullet_style(st: Styles, base: ParagraphStyle | None = None) -> ParagraphStyle:
    """``base`` (the body text) indented, for a bullet that hangs to its left."""
    parent = base or st.body
    return ParagraphStyle(
        "bullet",
        parent=parent,
        leftIndent=st.size * 1.3,
        bulletIndent=st.size * 0.2,
        bulletFontName=FONT,  # never a font that is not embedded
        bulletFontSize=parent.fontSize,
    )


def bullet(value: str, st: Styles) -> Paragraph:
    """One item of a list: user text, with a bullet and a hanging indent."""
    return Paragraph(text(value), bullet_style(st), bulletText="•")


def table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    st: Styles,
    *,
    repeat_header: bool = True,
) -> Table:
    """A table of user text; the first row is the header."""
    cells = [
        [Paragraph(text(value), st.cell_head if index == 0 else st.cell) for value in row]
        for index, row in enumerate(rows)
    ]
    # A row taller than a page (a very long action or outcome) splits across pages.
    result = Table(
        cells, colWidths=list(widths), repeatRows=1 if repeat_header else 0, splitInRow=1
    )
    result.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return result


PAGE_COUNT_FORM = "coprodesk-page-count"


def _numbered_canvas(footer: str, size: float) -> type[pdf_canvas.Canvas]:
    """A canvas that writes "Page X of Y" on every page as it goes.

    Y is a form that every page refers to and that is drawn once, at the end,
    when the number of pages is known: one pass, and bookmarks keep their pages.
    """

    class NumberedCanvas(pdf_canvas.Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.showOutline()  # open the bookmarks panel in PDF readers

        def showPage(self) -> None:
            self._footer()
            super().showPage()

        def save(self) -> None:
            total = self.getPageNumber() - 1
            self.beginForm(PAGE_COUNT_FORM)
            self.setFont(FONT, size)
            self.setFillColor(MUTED)
            self.drawString(0, 0, str(max(total, 1)))
            self.endForm()
            super().save()

        def _footer(self) -> None:
            width, _height = self._pagesize
            y = MARGIN * 0.55
            label = f"Page {self.getPageNumber()} of "
            x = width - MARGIN - pdfmetrics.stringWidth(label + "000", FONT, size)
            self.saveState()
            self.setFont(FONT, size)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, y, footer)
            self.drawString(x, y, label)
            self.translate(x + pdfmetrics.stringWidth(label, FONT, size), y)
            self.doForm(PAGE_COUNT_FORM)
            self.restoreState()

    return NumberedCanvas


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        out: BinaryIO,
        *,
        title: str,
        invariant: bool,
        cancelled: CancelledFn | None,
        progress: ProgressFn | None,
    ) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author="CoproDesk",
            creator="CoproDesk",
            subject=title,
            invariant=1 if invariant else 0,
            pageCompression=1,
            initialFontName=FONT,  # never a font that is not embedded
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body", showBoundary=0
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._cancelled = cancelled
        self._report = progress
        self._total = 1
        self._done = 0
        self._keys = 0
        if cancelled is not None or progress is not None:
            self.setProgressCallBack(self._on_progress)

    def _on_progress(self, kind: str, value: int) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled
        if kind == "SIZE_EST":
            self._total = max(1, value)
        elif kind == "PROGRESS" and value > self._done:  # a split flowable can step back
            self._done = min(value, self._total)
            if self._report is not None:
                self._report(self._done, self._total)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self._keys += 1
            key = f"s{self._keys}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.label, key, level=flowable.level, closed=False)


@dataclass(frozen=True)
class PdfLayout:
    """What one PDF holds: its story, the document title, the footer line and text size."""

    story: list[Flowable]
    title: str
    footer: str
    size: float


def build_pdf(
    layout: PdfLayout,
    out: BinaryIO,
    *,
    invariant: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    """Lay out ``layout`` into ``out`` as a PDF with page X of Y and bookmarks."""
    register_fonts()
    if cancelled is not None and cancelled():
        raise ExportCancelled
    doc = _Doc(out, title=layout.title, invariant=invariant, cancelled=cancelled, progress=progress)
    footer_size = max(8.0, layout.size * 0.75)
    width = A4[0] - 2 * MARGIN - pdfmetrics.stringWidth("Page 000 of 000", FONT, footer_size)
    footer = _fit(layout.footer, footer_size, width)
    doc.build(layout.story, canvasmaker=_numbered_canvas(footer, footer_size))


def _fit(value: str, size: float, width: float) -> str:
    """Shorten a footer line with an ellipsis so it never runs into the page number."""
    if pdfmetrics.stringWidth(value, FONT, size) <= width - 12:
        return value
    while value and pdfmetrics.stringWidth(value + "…", FONT, size) > width - 12:
        value = value[:-1]
    return value.rstrip() + "…"


def save_pdf(path: Path, build: Callable[[BinaryIO], None]) -> None:
    """Run ``build`` into a temporary file beside ``path``, then move it into place.

    A failed or cancelled build leaves nothing behind, and an existing file at
    ``path`` is replaced only by a complete PDF.
    """
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UserFacingError(
            f"The folder {folder} does not exist. Choose another place for the PDF."
        )
    if path.is_dir():
        raise UserFacingError(f"{path} is a folder. Give a file name for the PDF.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".coprodesk-", suffix=".pdf", dir=folder)
    except OSError as error:
        raise UserFacingError(
            f"CoproDesk cannot write in the folder {folder} ({error.strerror}). "
            "Choose another place for the PDF."
        ) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            build(out)
        temp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise UserFacingError(
            f"CoproDesk could not write the PDF to {path} ({error.strerror}). "
            "Nothing was changed there. Choose another place."
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
