"""StreamField blocks shared by the pages of every app."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading at level 2 or 3, so the outline stays correct."""

    text = blocks.CharBlock(label=_("text"), help_text=_("The heading's text."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        label=_("level"),
        help_text=_("Use level 3 only under a level 2 heading."),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"


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

    VIDEO_EXTENSIONS = ("mp4", "webm")

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"

    def clean(self, value):
        """Browsers play MP4 and WebM, and read captions only from WebVTT."""
        value = super().clean(value)
        errors = {}
        video, captions = value.get("video"), value.get("captions")
        if video and video.file_extension.lower() not in self.VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose a video file ending in .mp4 or .webm."))
        if captions and captions.file_extension.lower() != "vtt":
            errors["captions"] = ValidationError(
                _("Choose a captions file in WebVTT format, ending in .vtt.")
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text (or explicitly decorative)."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        required=False,
        label=_("alternative text"),
        help_text=_("Describe what the image shows. Leave empty only if it is decorative."),
    )
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A clear next step: a link with a descriptive text."""

    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(required=False, label=_("text"))
    link_page = blocks.PageChooserBlock(required=False, label=_("page"))
    link_url = blocks.URLBlock(required=False, label=_("or a web address"))
    link_text = blocks.CharBlock(
        label=_("link text"), help_text=_("Say where the link goes, not 'click here'.")
    )

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quote, for example from an expert by experience."""

    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, label=_("who said it"))

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    """A downloadable document with its format and size shown."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(required=False, label=_("title"))

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        label=_("paragraph"),
        template="components/blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
