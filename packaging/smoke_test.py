"""Build the bundle if needed, then run the bundled program as a facilitator's laptop would.

    .venv/bin/python packaging/smoke_test.py             # build if missing or out of date
    .venv/bin/python packaging/smoke_test.py --rebuild   # always build first
    .venv/bin/python packaging/smoke_test.py --no-build  # test the bundle that is there

Slow (the build takes minutes), so it is not part of the everyday test command. Every run is
headless (QT_QPA_PLATFORM=offscreen) with a throwaway data folder, and checks:

- ``--version`` and ``--help``;
- ``demo`` and ``list`` (the database is created and migrated from the bundled scripts);
- ``export-json`` (the bundle schema ships) and re-importing that file into a second folder;
- ``export-pdf``, only when ``--help`` lists it;
- the window: it opens, paints, lists the series and closes itself (COPRODESK_QUIT_WHEN_READY),
  offscreen and, where ``xvfb-run`` is installed, on a real X server;
- with no ``--data-dir``, the data goes to the user data folder (a throwaway HOME on Linux);
- nothing was written inside the bundle.

It exits 0 when every check passes and prints each step's time and the bundle's size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build  # noqa: E402  (packaging/build.py, beside this file)

ROOT = build.ROOT
QUIT_WHEN_READY_ENV = "COPRODESK_QUIT_WHEN_READY"
TIMEOUT_S = 120


class SmokeFailure(Exception):
    pass


class Smoke:
    def __init__(self, executable: Path, window_executable: Path, scratch: Path) -> None:
        self.executable = executable
        self.window_executable = window_executable
        self.scratch = scratch
        self.data = scratch / "data"
        self.timings: list[tuple[str, float]] = []

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("COPRODESK_DATA_DIR", None)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.update(extra)
        return env

    def run(
        self,
        label: str,
        args: Sequence[str],
        *,
        data_dir: Path | None = None,
        env: dict[str, str] | None = None,
        executable: Path | None = None,
    ) -> str:
        """Run the bundled program; fail unless it exits 0. Returns what it printed."""
        command = [str(executable or self.executable), *args]
        if data_dir is not None:
            command += ["--data-dir", str(data_dir)]
        started = time.monotonic()
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                env=env or self.env(),
                cwd=self.scratch,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise SmokeFailure(f"{label}: no answer after {TIMEOUT_S} s") from error
        elapsed = time.monotonic() - started
        self.timings.append((label, elapsed))
        output = result.stdout + result.stderr
        if result.returncode != 0:
            raise SmokeFailure(f"{label}: exit code {result.returncode}\n{output}")
        if "Traceback" in output:
            raise SmokeFailure(f"{label}: printed a traceback\n{output}")
        print(f"  ok  {label:<44} {elapsed:5.2f} s")
        return result.stdout

    def check(self, condition: bool, message: str) -> None:
        if not condition:
            raise SmokeFailure(message)

    def all(self) -> None:
        version = self.run("--version", ["--version"])
        self.check(version.strip() == f"CoproDesk {build.version()}", f"--version said {version!r}")
        usage = self.run("--help", ["--help"])
        self.check("export-json" in usage, "--help does not list export-json")

        self.run("demo", ["demo"], data_dir=self.data)
        self.check((self.data / "coprodesk.db").is_file(), "demo made no database")
        listing = self.run("list", ["list"], data_dir=self.data)
        workshop_ids = re.findall(r"^\s+Workshop (\S+)", listing, flags=re.MULTILINE)
        self.check(bool(workshop_ids), f"list shows no workshop:\n{listing}")
        workshop = workshop_ids[0]

        bundle_file = self.scratch / "workshop.json"
        self.run(
            "export-json", ["export-json", workshop, "--out", str(bundle_file)], data_dir=self.data
        )
        exported = json.loads(bundle_file.read_text("utf-8"))
        self.check(isinstance(exported, dict), "export-json wrote no JSON object")
        self.run(
            "import into an empty folder",
            ["import", str(bundle_file)],
            data_dir=self.scratch / "other",
        )

        if "export-pdf" in usage:
            self.export_pdf(workshop)
        else:
            print("  --  export-pdf                                   not in this build's --help")

        self.open_window()
        self.default_data_folder()
        self.install_for_a_user()

    def export_pdf(self, workshop: str) -> None:
        usage = self.run("export-pdf --help", ["export-pdf", "--help"])
        pdf = self.scratch / "workshop.pdf"
        args = ["export-pdf"]
        if "WORKSHOP" in usage.upper():
            args.append(workshop)
        args += ["--out", str(pdf)] if "--out" in usage else [str(pdf)]
        self.run("export-pdf", args, data_dir=self.data)
        written = sorted(self.scratch.glob("*.pdf")) or sorted(self.scratch.rglob("*.pdf"))
        self.check(bool(written), "export-pdf wrote no PDF")
        self.check(written[0].read_bytes().startswith(b"%PDF"), f"{written[0]} is not a PDF")

    def open_window(self) -> None:
        said = self.run(
            "open the window, list, close it",
            [],
            data_dir=self.data,
            env=self.env(**{QUIT_WHEN_READY_ENV: "1"}),
            executable=self.window_executable,
        )
        if sys.platform != "win32":  # A windowed .exe has no stdout to read.
            self.check("closing it" in said, f"the window did not say it was ready:\n{said}")
        log = (self.data / "logs" / "coprodesk.log").read_text("utf-8", errors="replace")
        self.check("data folder opened" in log, "the window never opened the data folder")
        xvfb = shutil.which("xvfb-run")
        if not sys.platform.startswith("linux"):
            return
        if xvfb is None:
            print(f"  --  {'the window on X11':<44} xvfb-run not installed (apt-get install xvfb)")
            return
        # The same on a real X server (Xvfb), so the bundled xcb plugin and its libraries load.
        said = self.run(
            "the window on X11 (Xvfb), then close it",
            ["-a", str(self.window_executable), "--data-dir", str(self.data)],
            env=self.env(QT_QPA_PLATFORM="xcb", **{QUIT_WHEN_READY_ENV: "1"}),
            executable=Path(xvfb),
        )
        self.check("closing it" in said, f"the window on X11 did not say it was ready:\n{said}")

    def default_data_folder(self) -> None:
        """No --data-dir: the database goes to the user data folder of a throwaway home."""
        if not sys.platform.startswith("linux"):
            print("  --  default data folder                          checked on Linux only")
            return
        home = self.scratch / "home"
        env = self.env(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
        env["XDG_STATE_HOME"] = str(home / ".local" / "state")
        self.run("demo with no --data-dir", ["demo"], env=env)
        expected = home / ".local" / "share" / "CoproDesk" / "coprodesk.db"
        self.check(expected.is_file(), f"no database at {expected}")

    def install_for_a_user(self) -> None:
        """Linux: install.sh into a throwaway home; the menu entry runs the installed app."""
        if not sys.platform.startswith("linux"):
            return
        home = self.scratch / "install-home"
        home.mkdir()
        env = self.env(HOME=str(home), XDG_DATA_HOME="")
        script = self.executable.parent / "install.sh"
        self.run("install.sh into a throwaway home", [], env=env, executable=script)
        share = home / ".local" / "share"
        entry = share / "applications" / f"{build.APP_ID}.desktop"
        self.check(entry.is_file(), "install.sh made no menu entry")
        found = re.search(r'^Exec="?([^"\n]+)"?$', entry.read_text("utf-8"), flags=re.MULTILINE)
        self.check(found is not None, "the menu entry has no Exec line")
        assert found is not None
        installed = Path(found.group(1))
        self.check(installed.is_relative_to(home), f"the menu entry runs {installed}")
        for size in build.ICON_SIZES:
            icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{build.APP_ID}.png"
            self.check(icon.is_file(), f"no {size} px icon installed")
        said = self.run("the installed app runs", ["--version"], env=env, executable=installed)
        self.check(said.startswith("CoproDesk "), f"the installed app said {said!r}")
        metainfo = share / "metainfo" / f"{build.APP_ID}.metainfo.xml"
        for tool, args in (
            ("desktop-file-validate", [str(entry)]),
            ("appstreamcli", ["validate", "--no-net", str(metainfo)]),
        ):
            program = shutil.which(tool)
            if program is None:
                print(f"  --  {tool:<44} not installed (apt-get install {PACKAGES[tool]})")
                continue
            self.run(f"{tool} on the installed files", args, executable=Path(program))
        self.run("the installed app keeps data at home", ["demo"], env=env, executable=installed)
        database = share / "CoproDesk" / "coprodesk.db"
        self.check(database.is_file(), f"the installed app made no database at {database}")
        uninstall = installed.parent / "uninstall.sh"
        self.run("uninstall.sh keeps the data", [], env=env, executable=uninstall)
        self.check(not installed.exists(), "uninstall.sh left the app in place")
        self.check(not entry.exists(), "uninstall.sh left the menu entry")
        self.check(database.is_file(), "uninstall.sh removed the workshops")


PACKAGES = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def out_of_date(executable: Path) -> bool:
    """True when the bundle is missing or older than any source or resource file."""
    if not executable.exists():
        return True
    built = executable.stat().st_mtime
    sources = [ROOT / "coprodesk", ROOT / "resources", HERE]
    return any(
        p.stat().st_mtime > built
        for folder in sources
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--rebuild", action="store_true", help="always build first")
    choice.add_argument("--no-build", action="store_true", help="never build; test what is there")
    args = parser.parse_args(argv)

    dist = build.dist_dir(trim=True)
    executable = build.executable_path(dist)
    if args.rebuild or (not args.no_build and out_of_date(executable)):
        print("Building the bundle first (this takes a few minutes)…")
        info = build.build(trim=True)
        build.report(info, build.bundle_path(dist))
    if not executable.exists():
        print(f"No bundle at {executable}: run python packaging/build.py", file=sys.stderr)
        return 1
    bundle = build.bundle_path(dist)
    before = snapshot(bundle)
    print(
        f"Smoke test of {bundle.relative_to(ROOT)} ({build.megabytes(build.folder_size(bundle))})"
    )
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="coprodesk-smoke-") as scratch:
        smoke = Smoke(
            executable, build.executable_path(dist, headless=False), Path(scratch).resolve()
        )
        try:
            smoke.all()
            smoke.check(snapshot(bundle) == before, "something was written inside the bundle")
        except SmokeFailure as failure:
            print(f"FAILED  {failure}", file=sys.stderr)
            return 1
    print(f"All checks passed in {time.monotonic() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
