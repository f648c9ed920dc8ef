"""Render the app icon from packaging/icons/coprodesk.svg into every size a platform needs.

Run it after changing the SVG, then commit what it writes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

- ``icons/png/coprodesk-N.png`` for N in 16 … 512 (Linux menus, the hicolor theme);
- ``icons/coprodesk.ico`` (Windows: the .exe and the taskbar), holding 16 … 256;
- ``icons/coprodesk.icns`` (macOS: the .app), holding 16 … 512 and their @2x pairs;
- ``resources/icons/coprodesk.png`` (256 px), the window icon when run from source or a bundle.

Each size is drawn from the SVG by Qt's own SVG renderer, not scaled down from a big bitmap,
so the small sizes stay sharp. Pillow (already there: ReportLab needs it) writes ICO and ICNS.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICONS = HERE / "icons"
SOURCE = ICONS / "coprodesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOW_ICON = HERE.parent / "resources" / "icons" / "coprodesk.png"


def render(size: int) -> bytes:
    """The icon at ``size`` by ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render(size) for size in (*PNG_SIZES, 1024)}
    png_dir = ICONS / "png"
    png_dir.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        (png_dir / f"coprodesk-{size}.png").write_bytes(rendered[size])
    WINDOW_ICON.parent.mkdir(parents=True, exist_ok=True)
    WINDOW_ICON.write_bytes(rendered[256])

    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in rendered.items()}
    biggest_ico = images[max(ICO_SIZES)]
    biggest_ico.save(
        ICONS / "coprodesk.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != max(ICO_SIZES)],
    )
    # ICNS holds 16, 32, 128, 256, 512 and their @2x pairs (up to 1024).
    images[1024].save(
        ICONS / "coprodesk.icns",
        format="ICNS",
        append_images=[images[size] for size in (16, 32, 64, 128, 256, 512)],
    )
    del app
    print(f"Wrote {len(PNG_SIZES)} PNGs, coprodesk.ico and coprodesk.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
