"""Demo data of the vocabularies: the shipped terms (the migrations load them too)."""

from .vocabularies import load_vocabularies


def load(*, scale: int, stdout) -> None:
    load_vocabularies()
