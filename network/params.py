"""Reading query parameters safely: one place that decides what a typed-in URL may contain.

Views read `request.GET` through these helpers, so a NUL byte, a control character, a number
wider than the database's integers or a 100k-character value never reaches a query.
"""

import re

from django.http import HttpRequest

# Control characters that no text field, URL or XML document may carry (tab, LF, CR may).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
MAX_INTEGER = 2**31 - 1  # fits every integer column on every database we run on


def clean_text(value: str) -> str:
    """`value` without control characters (and without NUL), e.g. for XML and feeds."""
    return CONTROL_CHARACTERS.sub("", value)


def parse_int(value: object, *, minimum: int = 0, maximum: int = MAX_INTEGER) -> int | None:
    """An integer in [minimum, maximum] from ASCII digits, or None for anything else."""
    text = str(value or "").strip()
    if not text.isascii() or not text.lstrip("-").isdigit() or len(text) > 20:
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def query_int(
    request: HttpRequest, name: str, *, minimum: int = 0, maximum: int = MAX_INTEGER
) -> int | None:
    """The integer parameter `name`, or None if it is missing or not a usable number."""
    return parse_int(request.GET.get(name), minimum=minimum, maximum=maximum)


def query_list(request: HttpRequest, name: str, *, limit: int = 20, max_length: int = 200) -> list:
    """Up to `limit` values of `name`, each refused if it has control characters or is too long.

    Refused values are returned as None so a view can tell the user they were left out.
    """
    values = []
    for value in request.GET.getlist(name)[:limit]:
        ok = value == clean_text(value) and len(value) <= max_length
        values.append(value if ok else None)
    return values
