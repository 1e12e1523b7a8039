"""Blocks only news and campaigns need: video with captions, interview questions, material."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from network.blocks import BodyBlock


class VideoBlock(blocks.StructBlock):
    """A video file played by the browser itself, always with a WebVTT captions track."""

    title = blocks.CharBlock(label=_("title"), help_text=_("What the video is about."))
    video = DocumentChooserBlock(label=_("video file"), help_text=_("An MP4 or WebM file."))
    captions = DocumentChooserBlock(
        label=_("captions"),
        help_text=_("A WebVTT file (.vtt) with the spoken text; required, so everyone can follow."),
    )
    transcript = blocks.TextBlock(
        required=False,
        label=_("transcript"),
        help_text=_("Optional: the full text of the video for people who do not watch it."),
    )

    class Meta:
        icon = "media"
        template = "news/blocks/video_block.html"


class QuestionAnswerBlock(blocks.StructBlock):
    """One question of an interview and its answer."""

    question = blocks.CharBlock(label=_("question"), help_text=_("The question as asked."))
    answer = blocks.TextBlock(label=_("answer"), help_text=_("The answer in the person's words."))

    class Meta:
        icon = "help"
        template = "news/blocks/question_answer_block.html"


class NewsBodyBlock(BodyBlock):
    """The shared body blocks plus video and, for interviews, questions and answers."""

    video = VideoBlock()
    question_answer = QuestionAnswerBlock(label=_("question and answer"))
