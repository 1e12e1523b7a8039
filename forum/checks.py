"""The forum's watched words, offered to other apps through `network.moderation`."""

from network.moderation import register_text_check

from .services import watched_word_match


def watched_words_in(text: str) -> list[str]:
    """The watched word the text contains (a blocking word first), as a list for check_text."""
    word = watched_word_match(text)
    return [word.word] if word is not None else []


# Other apps (voices) check members' text against the same watched words.
register_text_check("forum.watched_words", watched_words_in)
