"""`coprodesk export-pdf --kind recompense`: the summary for finance from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_export_pdf_cli import ids, run, text

from coprodesk import cli


def test_the_summary_for_finance_names_people_and_money(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    series_id, _ = ids(capsys)
    out = tmp_path / "finance.pdf"
    code, said, _ = run(
        capsys, "export-pdf", "--series", series_id[:8], "--kind", "recompense", "--out", str(out)
    )
    assert code == cli.EXIT_OK
    assert f"Wrote summary for finance to {out}." in said
    assert "names and money" in said
    printed = text(out)
    assert "Summary for finance: Riverside drop-in" in printed
    assert "All workshops." in printed
    assert "Ana de la Cruz" in printed
    assert "Getting started" in printed
    assert "Total £94.95" in printed


def test_the_summary_for_a_date_range(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    series_id, _ = ids(capsys)
    out = tmp_path / "october.pdf"
    code, _, _ = run(
        capsys,
        "export-pdf",
        "--series",
        series_id,
        "--kind",
        "recompense",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        str(out),
    )
    assert code == cli.EXIT_OK
    printed = text(out)
    assert "Workshops from 1 October 2026 to 31 October 2026." in printed
    assert "Opening hours" in printed
    assert "Getting started" not in printed
    assert "Total £94.95" not in printed


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--kind", "recompense"], "The summary for finance is for a series"),
        (
            [
                "--series",
                "SERIES",
                "--kind",
                "recompense",
                "--from",
                "2026-10-31",
                "--to",
                "2026-10-01",
            ],
            "The --to date is before the --from date",
        ),
        (["--series", "abcdef12", "--kind", "recompense"], "no series with id"),
        (["WORKSHOP", "--kind", "recompense"], "The summary for finance is for a series"),
    ],
)
def test_bad_requests_get_plain_messages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: list[str], message: str
) -> None:
    series_id, workshops = ids(capsys)
    out = tmp_path / "x.pdf"
    filled = [
        series_id if a == "SERIES" else workshops[0] if a == "WORKSHOP" else a for a in arguments
    ]
    code, _, err = run(capsys, "export-pdf", *filled, "--out", str(out))
    assert code == cli.EXIT_PROBLEM
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()
