"""What the projector shows for each step, worked out from the public snapshot alone.

No Qt here, and nothing but a ``PublicSnapshot`` comes in: names, never roles,
counts or notes. The projector window only lays this out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from coprodesk.core.live import STEPS, PublicSnapshot, Step, item_timing
from coprodesk.core.rounds import PASS_NOTE
from coprodesk.ui.live.action_words import review_line
from coprodesk.ui.live.timing import SEPARATOR, timer_words

NO_BREAK_SPACE = "\u00a0"
HERE_TODAY = "Here today"
STILL_TO_CHOOSE = "Still to choose an action"


@dataclass(frozen=True)
class ProjectorContent:
    header: str
    step: str
    heading: str
    lines: tuple[str, ...] = ()
    names_caption: str = ""
    names: str = ""
    note_caption: str = ""
    note: str = ""
    timer: str = ""
    over: bool = False


def public_at(public: PublicSnapshot, now: datetime) -> PublicSnapshot:
    """The same snapshot with the running item's time brought up to ``now``."""
    if public.item is None:
        return public
    return replace(public, timing=item_timing(public.item, now))


def names_words(names: tuple[str, ...]) -> str:
    """Names joined with dots; a name never breaks across lines."""
    return SEPARATOR.join(name.replace(" ", NO_BREAK_SPACE) for name in names)


def agreement_lines(public: PublicSnapshot) -> tuple[str, ...]:
    statements = tuple(f"{number}. {text}" for number, text in enumerate(public.agreement, start=1))
    return statements or ("We will agree together how we work.",)


def projector_content(
    public: PublicSnapshot, *, agreement_always: bool = False
) -> ProjectorContent:
    """What the projector shows; ``agreement_always`` puts the agreement up at any step
    (the agenda's timer stays beside it)."""
    step = public.step
    header = public.workshop_title
    step_words = f"Step {STEPS.index(step) + 1} of {len(STEPS)}: {step.label}"
    if agreement_always and public.agreement and step is not Step.AGREEMENT:
        shown = projector_content(public)
        return ProjectorContent(
            header,
            step_words,
            "What we agreed",
            agreement_lines(public),
            timer=shown.timer,
            over=shown.over,
        )
    names = names_words(public.names_present)
    caption = HERE_TODAY if names else ""
    if step is Step.WELCOME:
        return ProjectorContent(header, step_words, "Welcome", names_caption=caption, names=names)
    if step is Step.INTRODUCTIONS:
        lines = ("Please say the name you would like to be called.", PASS_NOTE)
        return ProjectorContent(
            header, step_words, "Introductions", lines, names_caption=caption, names=names
        )
    if step is Step.AGREEMENT:
        return ProjectorContent(header, step_words, "What we agreed", agreement_lines(public))
    if step is Step.AGENDA:
        return _agenda(public, header, step_words)
    if step is Step.REVIEW:
        said = tuple(review_line(item) for item in public.review) or (
            "No actions from earlier workshops to look back on.",
        )
        return ProjectorContent(header, step_words, "What came of our actions", said)
    if step is Step.ACTIONS:
        doing = ("Agreeing what each of us will do next, and by when.",)
        waiting = public.initials_without_action
        return ProjectorContent(
            header,
            step_words,
            "Actions",
            doing,
            names_caption=STILL_TO_CHOOSE if waiting else "",
            names=SEPARATOR.join(waiting),
        )
    if step is Step.CHECK_OUT:
        return ProjectorContent(
            header,
            step_words,
            "Check-out",
            (PASS_NOTE,),
            note_caption="Where to find support" if public.support_text else "",
            note=public.support_text,
        )
    return ProjectorContent(
        header, step_words, "Thank you for coming", names_caption=caption, names=names
    )


def _agenda(public: PublicSnapshot, header: str, step_words: str) -> ProjectorContent:
    item, timing = public.item, public.timing
    if item is None or timing is None:
        return ProjectorContent(header, step_words, "Agenda")
    lines = (f"Content note: {item.content_note}",) if item.content_note else ()
    return ProjectorContent(
        header, step_words, item.title, lines, timer=timer_words(timing), over=timing.over
    )
