"""StreamField blocks for general content pages: each block is named and has its template."""

from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3")],
        default="h2",
        help_text="Use Heading 2 for a main section and Heading 3 inside it.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "How the Partnership works", "level": "h2"}


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "home/blocks/text_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link_page = blocks.PageChooserBlock(required=False)
    link_url = blocks.URLBlock(required=False, help_text="Use when the link is to another site.")
    link_text = blocks.CharBlock(max_length=60)

    class Meta:
        icon = "link"
        label = "Call to action"
        template = "home/blocks/call_to_action_block.html"
        help_text = "A highlighted box inviting people to do one thing."


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    call_to_action = CallToActionBlock()
