"""Words for actions on screen, and reading a typed target date. No Qt here."""

from __future__ import annotations

import re
from datetime import date

from coprodesk.core.actions import ActionDetail, Coverage, OwnerView, ReviewItem
from coprodesk.core.errors import InvalidInput
from coprodesk.core.models import ActionStatus

STATUS_WORDS = {
    ActionStatus.OPEN: "Not started",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATE_HINT = "Day/month/year, such as 14/12/2026, or empty for no date"


def date_words(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "No date"


def owner_words(owner: OwnerView) -> str:
    state = "accepted" if owner.accepted else "not accepted yet"
    return f"{owner.initials} ({'away, ' if owner.absent else ''}{state})"


def owners_words(action: ActionDetail) -> str:
    return ", ".join(owner_words(owner) for owner in action.owners) or "No one yet"


def initials_list(text: str) -> list[str]:
    """Initials typed with commas, spaces, "and" or slashes between them."""
    return [part for part in re.split(r"[\s,;/+&]+|\band\b", text.strip()) if part]


def parse_target_date(text: str, today: date) -> date | None:
    """A typed date: 14/12/2026, 14/12 (this year), 2026-12-14 or 14 Dec 2026; empty for none."""
    typed = text.strip().casefold()
    if not typed:
        return None
    try:
        if found := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", typed):
            year, month, day = (int(part) for part in found.groups())
            return date(year, month, day)
        if found := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?", typed):
            day, month = int(found[1]), int(found[2])
            year = int(found[3]) if found[3] else today.year
            return date(year + 2000 if year < 100 else year, month, day)
        found = re.fullmatch(r"(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s*(\d{4})?", typed)
        if found and found[2] in MONTHS:
            year = int(found[3]) if found[3] else today.year
            return date(year, MONTHS.index(found[2]) + 1, int(found[1]))
    except ValueError:
        pass
    raise InvalidInput(f"“{text.strip()}” is not a date CoproDesk can read. {DATE_HINT}.")


def coverage_names(coverage: Coverage) -> list[str]:
    """For the facilitator (private): who still needs an action, by name, and any heavy load."""
    lines = []
    if not coverage.present:
        return ["No one is marked present yet. Mark people in Introductions."]
    if coverage.without_action:
        names = ", ".join(person.name for person in coverage.without_action)
        lines.append(f"Still without an accepted action: {names}.")
    else:
        lines.append("Everyone here has an accepted action or a “not this time”.")
    for entry in coverage.not_this_time:
        lines.append(f"Not this time: {entry.person.name} ({entry.reason}).")
    for load in coverage.heavy:
        lines.append(
            f"{load.person.name} holds {load.actions} actions, far more than others. "
            "Could someone share one, or take one over?"
        )
    return lines


def review_row(item: ReviewItem) -> tuple[str, str, str, str]:
    update = STATUS_WORDS[item.status] if item.reviewed_here else "Not reviewed yet"
    return (item.text, ", ".join(item.owner_initials), update, item.outcome_note)


def review_line(item: ReviewItem) -> str:
    """One line for the projector: what we said, and what came of it."""
    owners = ", ".join(item.owner_initials)
    if not item.reviewed_here:
        return f"{item.text} ({owners})"
    note = f": {item.outcome_note}" if item.outcome_note else ""
    return f"{item.text} ({owners}) — {STATUS_WORDS[item.status]}{note}"
