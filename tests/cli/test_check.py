"""`coprodesk check WORKSHOP_ID`: is the workshop ready to close?"""

from __future__ import annotations

import re

import pytest

from coprodesk import cli
from coprodesk.core import actions, attendance, roster, series
from coprodesk.core.db import open_database
from coprodesk.core.models import AttendanceStatus


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = cli.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_says_who_lacks_an_action_and_exits_1_until_ready(
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = open_database()
    with database.transaction() as session:
        series_id = series.create_series(session, "Drop-in")
        workshop_id = series.create_workshop(session, series_id, "First look")
        aisha = roster.add_person(session, series_id, "Aisha Rahman")
        ben = roster.add_person(session, series_id, "Ben Cole")
        for person in (aisha, ben):
            attendance.set_status(session, workshop_id, person, AttendanceStatus.PRESENT)
        actions.add_action(session, workshop_id, "Poster", ["AR"], accepted=["AR"])
    database.close()

    code, out, err = run(capsys, "check", workshop_id.hex[:8])
    assert code == 1
    assert out.splitlines() == ["First look: not ready to close.", "No accepted action yet: BC."]
    assert "Ben" not in out
    assert err == ""

    database = open_database()
    with database.transaction() as session:
        actions.set_not_this_time(session, workshop_id, ben, "Will take one on next time")
    database.close()
    code, out, _ = run(capsys, "check", str(workshop_id))
    assert code == 0
    assert out.startswith("First look: ready to close.")


def test_check_on_the_demo_and_a_bad_id(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "demo")
    _, listing, _ = run(capsys, "list")
    first = re.findall(r"Workshop ([0-9a-f-]{36}).*closed", listing)[0]
    code, out, _ = run(capsys, "check", first)
    assert code == 0
    assert "ready to close" in out
    code, out, err = run(capsys, "check", "zzzz")
    assert code == 1
    assert "is not a workshop id" in err
