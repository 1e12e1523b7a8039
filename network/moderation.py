"""Text checks that apps share without importing each other (the forum's watched words, say).

An app registers a check in its `AppConfig.ready`; any app calls `check_text` on what a member
wrote and gets back the words that a moderator should look at.
"""

from collections.abc import Callable

_text_checks: dict[str, Callable[[str], list[str]]] = {}


def register_text_check(key: str, check: Callable[[str], list[str]]) -> None:
    """Register `check(text) -> matched words`; registering the same key again replaces it."""
    _text_checks[key] = check


def unregister_text_check(key: str) -> None:
    _text_checks.pop(key, None)


def check_text(text: str) -> list[str]:
    """Every word any registered check found in the text, once each, in the checks' order."""
    found: dict[str, None] = {}
    for _key, check in sorted(_text_checks.items()):
        for word in check(text or ""):
            found.setdefault(word, None)
    return list(found)
