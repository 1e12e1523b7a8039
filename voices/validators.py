"""Server-side checks of uploaded files: kind by content (not by name alone), size, and WebVTT syntax.

Files are stored under MEDIA_ROOT and only ever served as downloads or media; these checks make
sure a voice cannot carry an HTML page or a script disguised as an image or a sound.
"""

import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

IMAGE_MAX_BYTES = 5 * 1024 * 1024
AUDIO_MAX_BYTES = 20 * 1024 * 1024
VIDEO_MAX_BYTES = 100 * 1024 * 1024
CAPTIONS_MAX_BYTES = 512 * 1024

IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "webp")
AUDIO_EXTENSIONS = ("mp3", "m4a", "ogg")
VIDEO_EXTENSIONS = ("mp4", "webm")
MEDIA_EXTENSIONS = AUDIO_EXTENSIONS + VIDEO_EXTENSIONS


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(upload, size: int = 64) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _looks_like(extension: str, head: bytes) -> bool:
    """Magic numbers of the kinds we accept; a renamed file fails here."""
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if extension == "mp3":
        return head.startswith(b"ID3") or (
            len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
        )
    if extension in ("m4a", "mp4"):
        return head[4:8] == b"ftyp"
    if extension == "ogg":
        return head.startswith(b"OggS")
    if extension == "webm":
        return head.startswith(b"\x1a\x45\xdf\xa3")
    return False


def _check(upload, *, extensions: tuple[str, ...], max_bytes: int, kind: str) -> None:
    extension = _extension(upload.name)
    if extension not in extensions:
        raise ValidationError(
            _("This %(kind)s must be a file of type %(types)s.")
            % {"kind": kind, "types": ", ".join(extensions)},
            code="file_type",
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s; the most we accept is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="file_size",
        )
    if not _looks_like(extension, _head(upload)):
        raise ValidationError(
            _("This file is not really a %(type)s file. Please choose another file.")
            % {"type": extension},
            code="file_content",
        )


def validate_image(upload) -> None:
    _check(upload, extensions=IMAGE_EXTENSIONS, max_bytes=IMAGE_MAX_BYTES, kind=_("image"))


def validate_media(upload) -> None:
    """Audio (mp3, m4a, ogg) or video (mp4, webm); the size limit depends on which."""
    extension = _extension(upload.name)
    max_bytes = VIDEO_MAX_BYTES if extension in VIDEO_EXTENSIONS else AUDIO_MAX_BYTES
    _check(upload, extensions=MEDIA_EXTENSIONS, max_bytes=max_bytes, kind=_("sound or video"))


def is_video(name: str) -> bool:
    return _extension(name or "") in VIDEO_EXTENSIONS


TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
CUE_TIMING = re.compile(rf"^({TIMESTAMP})[ \t]+-->[ \t]+({TIMESTAMP})(?:[ \t]+.*)?$")


def _seconds(stamp: str) -> float:
    parts = stamp.split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def vtt_errors(text: str) -> list[str]:
    """What is wrong with a WebVTT file: the header, and each cue's timing line."""
    errors: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = lines[0].lstrip("\ufeff") if lines else ""
    if not (header == "WEBVTT" or header.startswith(("WEBVTT ", "WEBVTT\t"))):
        return [str(_("The captions file must start with the line WEBVTT."))]
    cues = 0
    for number, line in enumerate(lines[1:], start=2):
        if "-->" not in line:
            continue
        match = CUE_TIMING.match(line.strip())
        if match is None:
            errors.append(
                str(_("Line %(line)s: the time is not written as 00:00:01.000 --> 00:00:04.000."))
                % {"line": number}
            )
            continue
        if _seconds(match.group(2)) <= _seconds(match.group(1)):
            errors.append(
                str(_("Line %(line)s: a caption must end after it starts.")) % {"line": number}
            )
        cues += 1
    if not errors and cues == 0:
        errors.append(str(_("The captions file has no captions with times.")))
    return errors


def validate_captions(upload) -> None:
    """A WebVTT file: right name and size, UTF-8, header and cue timings."""
    if _extension(upload.name) != "vtt":
        raise ValidationError(_("Captions must be a WebVTT file (.vtt)."), code="file_type")
    if upload.size > CAPTIONS_MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; the most we accept is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(CAPTIONS_MAX_BYTES)},
            code="file_size",
        )
    upload.seek(0)
    raw = upload.read()
    upload.seek(0)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The captions file must be saved as UTF-8 text."), code="encoding"
        ) from error
    errors = vtt_errors(text)
    if errors:
        raise ValidationError(errors, code="vtt")
