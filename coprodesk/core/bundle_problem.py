"""The one internal error of bundle checking: what is wrong, in plain words."""

from __future__ import annotations


class BundleProblem(Exception):
    """What is wrong with a bundle's content; callers turn it into a ``BundleError``."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    @classmethod
    def at(cls, where: str, what: str) -> BundleProblem:
        return cls(f"at {where}, {what}")
