"""Blocks only news and campaigns need: interview questions, material (and the shared video)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from network.blocks import BodyBlock, VideoBlock


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
