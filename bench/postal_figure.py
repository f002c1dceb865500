"""The picture in bench/figures/: a postal letter and the reply form that follows it, as the
batch's print file has them (each body rendered once, the member's details stamped on).

`.venv/bin/python bench/postal_figure.py` writes bench/figures/postal-letter-and-reply-form.png
(pdftoppm, from poppler-utils, makes each page a PNG; Pillow puts them side by side). No
database: the letter is made from its content, as `build_batch` makes it."""

import datetime
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIGURE = REPO / "bench" / "figures" / "postal-letter-and-reply-form.png"
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcp_site.settings.dev")


def main() -> None:
    import django

    django.setup()
    from PIL import Image

    from members.postal.letters import (
        LetterContent,
        LetterPosting,
        PartnershipContact,
        ReplyForm,
        envelope_window,
        render_letter,
    )
    from members.postal.pdf import render_pdf

    partnership = PartnershipContact(
        name="Kensington and Chelsea Partnership",
        address_lines=("The Town Hall", "Hornton Street", "London", "W8 7NX"),
        phone="020 7361 3671",
        email="kcp@rbkc.gov.uk",
    )
    closes = datetime.date(2027, 1, 15)
    form = ReplyForm(
        title="Priorities for 2009/10: your views",
        closes_on=closes,
        questions=(
            {"type": "choice", "key": "priority", "help_text": "",
             "question": "Which area for action matters most to you?",
             "choices": ["The role of the KCP", "Membership", "Risk management"]},
            {"type": "free_text", "key": "first", "help_text": "", "choices": [],
             "question": "What should the Partnership do first?"},
            {"type": "free_text", "key": "else", "help_text": "Optional.", "choices": [],
             "question": "Anything else?"},
        ),
        return_address=("KCP, The Town Hall", "Hornton Street", "London W8 7NX"),
    )  # fmt: skip
    letter = render_letter(
        LetterContent(
            position=1,
            member_number=1234,
            name="Doris Lane",
            address_lines=("Doris Lane", "Flat 3, Bramley House", "2 Ladbroke Grove", "London",
                           "W11 3BQ"),
            is_large_print=False,
            date=datetime.date(2026, 12, 1),
            interest_names=("Steering Group", "Homes and housing"),
            postings=(
                LetterPosting(form.title, "Which of the KCP Review's priorities matter most "
                              "to you?", "https://kcp.example.org/steering-group/priorities/",
                              closes_on=closes),
                LetterPosting("Damp and mould in social housing", "What damp homes do to "
                              "children's health, ward by ward.",
                              "https://kcp.example.org/theme-groups/health/damp-and-mould/"),
            ),
            reply_forms=(form,),
        ),
        partnership,
    )  # fmt: skip
    pdf = render_pdf([letter], envelope_window("DL"), chunk_size=10)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), f"{folder}/page"], check=True)
        pages = [Image.open(page) for page in sorted(Path(folder).glob("page*.png"))]
        width = sum(page.width for page in pages) + 20 * (len(pages) - 1)
        figure = Image.new("RGB", (width, max(page.height for page in pages)), "#b1b4b6")
        left = 0
        for page in pages:
            figure.paste(page, (left, 0))
            left += page.width + 20
        FIGURE.parent.mkdir(exist_ok=True)
        figure.save(FIGURE)
    print(f"{len(pages)} pages: {FIGURE.relative_to(REPO)}")


if __name__ == "__main__":
    main()
