"""The headless commands, as a coordinator or a script would use them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coprodesk import cli, paths
from coprodesk.core.demo import PEOPLE


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = cli.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def workshop_ids(listing: str) -> list[str]:
    return re.findall(r"Workshop ([0-9a-f-]{36})", listing)


def test_list_on_an_empty_folder_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "No series yet" in out


def test_demo_then_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "Added the demo series" in out
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "already here" in out
    code, out, _ = run(capsys, "list")
    assert code == 0
    # The demo series, and the small food bank panel that shares two of its people
    # (so that the coordinator's fair load view has something to show).
    assert out.count("Series ") == 2
    main, panel = out.split("Series ")[1:]
    assert "Riverside drop-in" in main
    assert "menu panel" in panel
    assert (len(workshop_ids(main)), len(workshop_ids(panel))) == (3, 5)
    assert "Getting started" in out
    assert "closed" in out
    assert "planned" in out


def test_data_dir_option_and_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.set_data_dir(None)
    chosen = tmp_path / "chosen"
    assert run(capsys, "demo", "--data-dir", str(chosen))[0] == 0
    assert (chosen / "coprodesk.db").exists()
    paths.set_data_dir(None)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(chosen))
    _, out, _ = run(capsys, "list")
    assert "Getting started" in out


def test_bundle_round_trip_through_the_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "demo")
    first_id = workshop_ids(run(capsys, "list")[1])[0]
    bundle = tmp_path / "first.json"
    code, out, _ = run(capsys, "export-json", first_id[:8], "--out", str(bundle))
    assert code == 0
    assert "personal" in out
    assert json.loads(bundle.read_text(encoding="utf-8"))["workshop"]["id"] == first_id

    paths.set_data_dir(tmp_path / "other laptop")
    code, out, _ = run(capsys, "import", str(bundle))
    assert code == 0, out
    # The bundle also carries the workshop where its actions were reviewed.
    assert first_id in workshop_ids(run(capsys, "list")[1])
    again = tmp_path / "again.json"
    assert run(capsys, "export-json", first_id, "--out", str(again))[0] == 0
    assert again.read_bytes() == bundle.read_bytes()


def test_problems_are_plain_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export-json", "deadbeef", "--out", str(tmp_path / "x.json"))
    assert code == 1
    assert "no workshop with id deadbeef" in err
    assert not (tmp_path / "x.json").exists()
    broken = tmp_path / "broken.json"
    broken.write_text("{ this is not JSON", encoding="utf-8")
    code, _, err = run(capsys, "import", str(broken))
    assert code == 1
    assert "broken.json" in err
    assert "Nothing was changed" in err
    assert "Traceback" not in err


def test_a_bug_exits_70_and_is_logged_without_names(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "demo")

    def broken(_args: object) -> int:
        raise RuntimeError("unexpected state")

    monkeypatch.setitem(cli.COMMANDS, "list", broken)
    code, _, err = run(capsys, "list")
    assert code == cli.EXIT_BUG
    assert str(paths.log_path()) in err
    log_text = paths.log_path().read_text(encoding="utf-8")
    assert "RuntimeError: unexpected state" in log_text
    assert "demo series" in log_text
    for name, _role, _reveal in PEOPLE:
        for part in name.split():
            if len(part) > 3:
                assert part not in log_text


HOLD_LOCK = """
import sys
from pathlib import Path
from coprodesk.core.folder_lock import FolderLock
with FolderLock(Path(sys.argv[1])):
    print("holding", flush=True)
    sys.stdin.readline()
"""


def test_writing_commands_wait_for_no_one(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        code, _, err = run(capsys, "demo")
        assert code == 1
        assert "already in use" in err
        assert run(capsys, "list")[0] == 0  # reading is still fine
    finally:
        holder.communicate("done\n")


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--version", "--help"):
        with pytest.raises(SystemExit) as exited:
            cli.main([flag])
        assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "CoproDesk 0.1.0" in out
    assert "export-json" in out
    assert "--data-dir" in out


def _demo_series_id(capsys: pytest.CaptureFixture[str]) -> str:
    run(capsys, "demo")
    _, listing, _ = run(capsys, "list")
    found = re.search(r"Series ([0-9a-f-]{36})", listing)
    assert found is not None
    return found[1]


def test_export_csv_recompense_writes_the_finance_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    series_id = _demo_series_id(capsys)
    out = tmp_path / "finance.csv"
    code, printed, err = run(
        capsys, "export-csv", "recompense", "--series", series_id[:8], "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert "names and money" in printed
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Series,Workshop,Workshop date,Name,")
    count = int(re.search(r"Wrote (\d+) row", printed)[1])  # type: ignore[index]
    assert count == len(lines) - 1 > 0
    code, printed, _ = run(
        capsys,
        "export-csv", "recompense", "--series", series_id, "--out", str(out),
        "--from", "1990-01-01", "--to", "1990-12-31",
    )  # fmt: skip
    assert code == 0
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 1
    assert "Wrote 0 rows" in printed


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--series", "nonsense"], "is not a series id"),
        (["--series", "abcdef12"], "There is no series with id abcdef12"),
        (["--from", "14/03/2026"], "year-month-day"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "before the start"),
    ],
)
def test_export_csv_refuses_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: list[str], message: str
) -> None:
    series_id = _demo_series_id(capsys)
    if "--series" not in arguments:
        arguments = ["--series", series_id, *arguments]
    out = tmp_path / "finance.csv"
    code, _, err = run(capsys, "export-csv", "recompense", *arguments, "--out", str(out))
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()


def test_export_csv_to_a_folder_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    series_id = _demo_series_id(capsys)
    out = tmp_path / "no-such-folder" / "finance.csv"
    code, _, err = run(capsys, "export-csv", "recompense", "--series", series_id, "--out", str(out))
    assert code == 1
    assert "could not write" in err
    assert "Nothing was written" in err
