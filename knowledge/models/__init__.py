"""The practice library: practices (good examples, guides, tools) and their vocabularies.

Two layers in one app: `practices.py` is what the search engines build on; `library.py` (the
library page) builds on the search in turn, so its page can search without a circular import.
"""

from .library import PracticeIndexPage
from .practices import (
    LIST_FIELDS,
    DutchSearchVectorField,
    LinkBlock,
    PortableArrayField,
    PracticeKind,
    PracticePage,
    PracticeSearchRow,
    PracticeSearchWord,
    PracticeTag,
    ResourceBlock,
    Synonym,
    practice_saved,
)

__all__ = [
    "LIST_FIELDS",
    "DutchSearchVectorField",
    "LinkBlock",
    "PortableArrayField",
    "PracticeIndexPage",
    "PracticeKind",
    "PracticePage",
    "PracticeSearchRow",
    "PracticeSearchWord",
    "PracticeTag",
    "ResourceBlock",
    "Synonym",
    "practice_saved",
]
