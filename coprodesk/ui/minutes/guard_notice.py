"""What the name guard replaced in one entry, and what is still to decide about it.

The panel shows a ``GuardNotice`` in its notice bar: which names became
initials, a button to keep each single word as typed, and for a name two
people share, a question with their initials. The notice keeps the places of
the replacements up to date as words are kept or people chosen, so each
choice edits the right part of the stored text. No Qt here but the buttons.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from coprodesk.core.nameguard import GuardResult, Replacement
from coprodesk.ui.minutes import words
from coprodesk.ui.minutes.notice import Choice

KEEP_HELP = "Use only when the word is not a name, for example 'will'."
LEAVE_HELP = "Keeps both sets of initials in the entry."


@dataclass
class GuardNotice:
    entry_id: uuid.UUID
    replaced: tuple[Replacement, ...]
    # Replacements not yet kept or chosen, at their current place in the entry's text.
    open: list[Replacement]
    done: list[str] = field(default_factory=list)
    # Keeping a word as typed is offered only until the next entry is saved.
    offer_keep: bool = True

    @classmethod
    def of(cls, entry_id: uuid.UUID, result: GuardResult) -> GuardNotice:
        return cls(entry_id, result.replacements, list(result.replacements))

    def keepable(self) -> list[Replacement]:
        return [each for each in self.open if each.can_keep] if self.offer_keep else []

    def ambiguous(self) -> list[Replacement]:
        return [each for each in self.open if each.ambiguous]

    def message(self) -> str:
        lines = [words.replaced_words(self.replaced), *self.done]
        ambiguous = self.ambiguous()
        if ambiguous:
            lines.append(words.ambiguous_words(ambiguous[0]))
        return "\n".join(lines)

    def choices(
        self,
        keep: Callable[[Replacement], None],
        choose: Callable[[Replacement, str], None],
        leave: Callable[[Replacement], None],
    ) -> list[Choice]:
        """The notice's buttons: who was meant (one question at a time), then words to keep."""
        choices: list[Choice] = []
        ambiguous = self.ambiguous()
        if ambiguous:
            first = ambiguous[0]
            choices += [
                Choice(
                    initials,
                    functools.partial(choose, first, initials),
                    accessible_name=f"{initials} was meant",
                )
                for initials in first.initials.split("/")
            ]
            choices.append(
                Choice(
                    f"Leave as {first.initials}",
                    functools.partial(leave, first),
                    description=LEAVE_HELP,
                )
            )
        keepable = self.keepable()
        for each in keepable:
            label = words.keep_words(each)
            choices.append(
                Choice(
                    f"{label} (Ctrl+Z)" if each is keepable[-1] else label,
                    functools.partial(keep, each),
                    accessible_name=label,
                    description=KEEP_HELP,
                )
            )
        return choices

    def kept(self, replacement: Replacement) -> None:
        """The word went back as typed, with its one-character keep mark."""
        self.open = words.shifted(self.open, replacement, len(replacement.original) + 1)
        self.done.append(words.kept_words(replacement))

    def chosen(self, replacement: Replacement, initials: str) -> None:
        self.open = words.shifted(self.open, replacement, len(initials))
        self.done.append(words.chosen_words(replacement, initials))

    def left(self, replacement: Replacement) -> None:
        self.open = [each for each in self.open if each != replacement]

    def settle(self) -> bool:
        """A newer entry was saved: keep only the questions. False when none are left.

        Offers to keep a word go, so that Ctrl+Z never reaches back past the newest entry.
        """
        self.open = self.ambiguous()
        self.offer_keep = False
        return bool(self.open)
