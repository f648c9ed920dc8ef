"""`coprodesk export-pdf --series SERIES_ID --kind update`: the "you said, we did" update."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_export_pdf_cli import ids, run, text

from coprodesk.core.demo import PEOPLE


def test_the_update_shows_initials_unless_first_names_are_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    series_id, _workshops = ids(capsys)
    out = tmp_path / "update.pdf"
    code, said, err = run(
        capsys, "export-pdf", "--series", series_id, "--kind", "update", "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert (
        said == f"Wrote “you said, we did” update to {out}.\nPeople are shown by initials only.\n"
    )
    by_initials = text(out)
    assert "You said, we did: Riverside drop-in" in by_initials
    assert "People are shown by their initials only." in by_initials
    first = tmp_path / "first.pdf"
    code, said, _ = run(
        capsys,
        "export-pdf",
        "--series",
        series_id[:8],
        "--kind",
        "update",
        "--naming",
        "first-names",
        "--large-print",
        "--out",
        str(first),
    )
    assert code == 0
    assert "People are shown by first names only." in said
    by_first = text(first)
    assert "People are named by their first name only." in by_first
    for name, *_ in PEOPLE:
        assert name not in by_initials
        assert name not in by_first
    assert "Aisha" in by_first
    assert "Aisha" not in by_initials


def test_without_kind_the_series_still_gets_its_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    series_id, _workshops = ids(capsys)
    out = tmp_path / "report.pdf"
    code, said, _ = run(capsys, "export-pdf", "--series", series_id, "--out", str(out))
    assert code == 0
    assert said.startswith("Wrote series report to")
    assert "Series report: Riverside drop-in" in text(out)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--kind", "update"), "The update is for a series: give --series SERIES_ID --kind update"),
        (("--series", "SERIES", "--kind", "slips"), "--kind slips is for a workshop"),
        (("--series", "SERIES", "--naming", "initials"), "--naming is for the update"),
        (
            ("--series", "SERIES", "--kind", "update", "--from", "2026-01-01"),
            "--from and --to are for the series report only",
        ),
        (("--series", "0000", "--kind", "update"), "series"),
    ],
)
def test_wrong_combinations_are_plain_messages(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    arguments: tuple[str, ...],
    message: str,
) -> None:
    series_id, _workshops = ids(capsys)
    out = tmp_path / "never.pdf"
    given = [series_id if word == "SERIES" else word for word in arguments]
    code, said, err = run(capsys, "export-pdf", *given, "--out", str(out))
    assert code == 1
    assert said == ""
    assert err.startswith("coprodesk: ")
    assert message in err
    assert not out.exists()


def test_an_unknown_naming_is_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "export-pdf", "--series", "x", "--kind", "update", "--naming", "full")
    assert stopped.value.code == 2
    assert "first-names" in capsys.readouterr().err
