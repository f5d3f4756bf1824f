from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        template = "cms_pages/blocks/quote.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "cms_pages/blocks/attachment.html"


class BodyBlock(blocks.StreamBlock):
    """The rich body of articles and standard pages."""

    heading = blocks.CharBlock(
        label=_("Section heading"), form_classname="title", template="cms_pages/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    # ImageBlock asks editors for alt text (or to mark the image decorative).
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    attachment = AttachmentBlock(label=_("Attachment"))
