"""Build the standalone CoproDesk bundle for the machine this runs on, and print its size.

    .venv/bin/pip install -e '.[package]'
    .venv/bin/python packaging/build.py            # trimmed bundle (what we ship)
    .venv/bin/python packaging/build.py --no-trim  # every Qt module PyInstaller finds, to compare

It writes, under dist/ (or dist/untrimmed/ with --no-trim):

- Linux: ``CoproDesk/`` (a folder bundle with ``install.sh``, the .desktop entry, the AppStream
  metainfo and the icons) and ``CoproDesk-VERSION-linux-ARCH.tar.gz`` holding it;
- Windows: ``CoproDesk/`` (``CoproDesk.exe`` and ``coprodesk-cli.exe``) and a .zip of it;
- macOS: ``CoproDesk.app`` and ``CoproDesk-VERSION-macos-ARCH.dmg`` (a .zip without hdiutil).

PyInstaller cannot cross-build: run this on each platform you ship for.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "coprodesk.spec"
APP_ID = "org.coprodesk.CoproDesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def version() -> str:
    text = (ROOT / "coprodesk" / "__init__.py").read_text("utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("no __version__ in coprodesk/__init__.py")
    return found.group(1)


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def dist_dir(*, trim: bool) -> Path:
    return ROOT / "dist" if trim else ROOT / "dist" / "untrimmed"


def bundle_path(dist: Path) -> Path:
    """The folder bundle (Linux, Windows) or the .app (macOS)."""
    return dist / ("CoproDesk.app" if sys.platform == "darwin" else "CoproDesk")


def executable_path(dist: Path, *, headless: bool = True) -> Path:
    """The program to run; on Windows ``headless`` picks the console twin."""
    if sys.platform == "darwin":
        return dist / "CoproDesk.app" / "Contents" / "MacOS" / "CoproDesk"
    if sys.platform == "win32":
        return dist / "CoproDesk" / ("coprodesk-cli.exe" if headless else "CoproDesk.exe")
    return dist / "CoproDesk" / "coprodesk"


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def run_pyinstaller(dist: Path, work: Path, *, trim: bool) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "PyInstaller is not installed. Run: .venv/bin/pip install -e '.[package]'"
        ) from None
    env = dict(os.environ, COPRODESK_TRIM="1" if trim else "0")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def add_linux_files(bundle: Path) -> None:
    """Put the installer, the menu entry, the metainfo and the icons beside the program."""
    linux = HERE / "linux"
    share = bundle / "share"
    applications = share / "applications"
    metainfo = share / "metainfo"
    applications.mkdir(parents=True, exist_ok=True)
    metainfo.mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", applications)
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", metainfo)
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(HERE / "icons" / "png" / f"coprodesk-{size}.png", target / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "icons" / "coprodesk.svg", scalable / f"{APP_ID}.svg")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(linux / script, bundle / script)
        (bundle / script).chmod(0o755)
    shutil.copy2(linux / "README.txt", bundle / "README.txt")


def make_archive(dist: Path, bundle: Path) -> Path:
    name = f"CoproDesk-{version()}-{platform_tag()}"
    if sys.platform.startswith("linux"):
        archive = dist / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(bundle, arcname=bundle.name)
        return archive
    if sys.platform == "darwin" and shutil.which("hdiutil"):
        archive = dist / f"{name}.dmg"
        archive.unlink(missing_ok=True)
        subprocess.run(
            [
                "hdiutil", "create", "-volname", "CoproDesk", "-srcfolder", str(bundle),
                "-ov", "-format", "UDZO", str(archive),
            ],
            check=True,
        )  # fmt: skip
        return archive
    return Path(shutil.make_archive(str(dist / name), "zip", root_dir=dist, base_dir=bundle.name))


def largest_files(bundle: Path, count: int = 12) -> list[tuple[int, str]]:
    sizes = [
        (p.stat().st_size, str(p.relative_to(bundle)))
        for p in bundle.rglob("*")
        if p.is_file() and not p.is_symlink()
    ]
    return sorted(sizes, reverse=True)[:count]


def build(*, trim: bool = True, archive: bool = True) -> dict[str, object]:
    """Build the bundle and return what was measured (also written to dist/build-info.json)."""
    dist = dist_dir(trim=trim)
    work = ROOT / "build" / ("pyinstaller" if trim else "pyinstaller-untrimmed")
    started = time.monotonic()
    run_pyinstaller(dist, work, trim=trim)
    bundle = bundle_path(dist)
    if sys.platform.startswith("linux"):
        add_linux_files(bundle)
    built = time.monotonic() - started
    info: dict[str, object] = {
        "version": version(),
        "platform": platform_tag(),
        "trimmed": trim,
        "bundle": str(bundle.relative_to(ROOT)),
        "bundle_bytes": folder_size(bundle),
        "files": sum(1 for p in bundle.rglob("*") if p.is_file()),
        "build_seconds": round(built, 1),
    }
    if archive:
        archive_file = make_archive(dist, bundle)
        info["archive"] = str(archive_file.relative_to(ROOT))
        info["archive_bytes"] = archive_file.stat().st_size
    (dist / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", "utf-8")
    return info


def report(info: dict[str, object], bundle: Path) -> None:
    print()
    print(f"Built {info['bundle']} ({'trimmed' if info['trimmed'] else 'not trimmed'})")
    print(f"  size on disk: {megabytes(int(str(info['bundle_bytes'])))} in {info['files']} files")
    if "archive" in info:
        print(f"  to hand out:  {info['archive']} ({megabytes(int(str(info['archive_bytes'])))})")
    print(f"  build took:   {info['build_seconds']} s")
    print("  largest files:")
    for size, name in largest_files(bundle):
        print(f"    {megabytes(size):>9}  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-trim", action="store_true", help="keep every Qt module (to measure trimming)"
    )
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz / .zip / .dmg")
    args = parser.parse_args(argv)
    trim = not args.no_trim
    info = build(trim=trim, archive=not args.no_archive)
    report(info, bundle_path(dist_dir(trim=trim)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
