"""The question banks for check-in and check-out rounds (shipped as data)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from coprodesk import paths
from coprodesk.core.errors import UserFacingError

ROUNDS_FILE = "rounds.json"
PASS_NOTE = "Anyone can pass. Just say “pass”."


@dataclass(frozen=True)
class QuestionBank:
    check_in: tuple[str, ...]
    check_out: tuple[str, ...]


@cache
def question_bank() -> QuestionBank:
    path = paths.resources_dir() / ROUNDS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        banks = {key: data[key] for key in ("check_in", "check_out")}
        if not all(
            isinstance(bank, list) and bank and all(isinstance(q, str) and q for q in bank)
            for bank in banks.values()
        ):
            raise ValueError
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UserFacingError(
            f"The question file {path} is missing or damaged. Reinstalling CoproDesk restores it; "
            "your workshops are not affected."
        ) from error
    return QuestionBank(tuple(banks["check_in"]), tuple(banks["check_out"]))
