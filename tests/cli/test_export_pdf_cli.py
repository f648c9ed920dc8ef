"""`coprodesk export-pdf`, as a coordinator or a script would use it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprodesk import cli
from coprodesk.core.demo import PEOPLE


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = cli.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ids(capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    run(capsys, "demo")
    listing = run(capsys, "list")[1]
    # The first series listed is the Riverside drop-in, with its three workshops.
    first = listing.split("\nSeries ")[0]
    (series_id,) = re.findall(r"Series ([0-9a-f-]{36})", first)
    return series_id, re.findall(r"Workshop ([0-9a-f-]{36})", first)


def text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("minutes", "Who took part"),
        ("slips", "Actions for"),
        ("agreement", "Our group agreement"),
        ("briefing", "Who is coming"),
    ],
)
def test_each_workshop_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, expected: str
) -> None:
    _series_id, workshops = ids(capsys)
    out = tmp_path / f"{kind}.pdf"
    code, said, _ = run(capsys, "export-pdf", workshops[0][:8], "--kind", kind, "--out", str(out))
    assert code == 0
    assert str(out) in said
    printed = text(out)
    assert expected in printed
    if kind != "briefing":  # the briefing lists first names, by design
        assert all(name not in printed for name, *_ in PEOPLE)


def test_slips_with_names_say_to_hand_them_out_one_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _series_id, workshops = ids(capsys)
    out = tmp_path / "slips.pdf"
    code, said, _ = run(
        capsys,
        "export-pdf",
        workshops[0],
        "--kind",
        "slips",
        "--names",
        "--large-print",
        "--out",
        str(out),
    )
    assert code == 0
    assert "only their own" in said
    assert "Actions for Aisha Rahman" in text(out)


def test_series_report_with_a_date_range(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    series_id, _ = ids(capsys)
    whole, part = tmp_path / "whole.pdf", tmp_path / "part.pdf"
    assert run(capsys, "export-pdf", "--series", series_id[:8], "--out", str(whole))[0] == 0
    code, _, _ = run(
        capsys,
        "export-pdf",
        "--series",
        series_id,
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        str(part),
    )
    assert code == 0

    def bookmarks(path: Path) -> list[str]:
        return [item["/Title"] for item in PdfReader(path).outline[1] if isinstance(item, dict)]

    assert "Getting started" in bookmarks(whole)
    # Opening hours reviews Getting started's actions, but only Opening hours is in the range.
    assert "Getting started" not in bookmarks(part)
    assert "Opening hours" in bookmarks(part)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export-pdf", "nothex", "--out", "x.pdf"], "is not a workshop id"),
        (["export-pdf", "abcdef12", "--out", "x.pdf"], "There is no workshop with id abcdef12"),
        (["export-pdf", "--series", "abcdef12", "--out", "x.pdf"], "no series with id"),
        (["export-pdf", "--out", "x.pdf"], "Give either a WORKSHOP_ID"),
        (["export-pdf", "WORKSHOP", "--from", "2026-01-01", "--out", "x.pdf"], "series report"),
    ],
)
def test_bad_requests_get_plain_messages(
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    ids(capsys)
    code, _, err = run(capsys, *arguments)
    assert code == cli.EXIT_PROBLEM
    assert message in err
    assert "Traceback" not in err


def test_a_folder_that_does_not_exist_is_a_plain_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _series_id, workshops = ids(capsys)
    out = tmp_path / "missing" / "minutes.pdf"
    code, _, err = run(capsys, "export-pdf", workshops[0], "--out", str(out))
    assert code == cli.EXIT_PROBLEM
    assert "does not exist" in err
    assert not out.parent.exists()


def test_a_date_that_is_not_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export-pdf", "--series", "abcd", "--from", "14/03/2026", "--out", "x.pdf"])
    assert "YYYY-MM-DD" in capsys.readouterr().err
