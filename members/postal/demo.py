"""The postal demo for `make run`: postal members with each choice of what their letters
bring, one in large print, so that the first batch built shows enclosed papers and a reply
form for the open consultation (papers.demo gives it every subject). Idempotent: a member
who already has their choice is left alone, and a second run says nothing."""

from members.models import Member

PapersByPost = Member.PapersByPost
# The first demo postal members' choices, in order: (what their letters bring, large print).
CHOICES = [
    (PapersByPost.INTERESTED, True),
    (PapersByPost.CONSULTATIONS, False),
    (PapersByPost.INTERESTED, False),
    (PapersByPost.SUMMARIES, True),
]


def load_postal_choices(stdout) -> None:
    members = list(
        Member.objects.filter(route=Member.Route.POST, status=Member.Status.ACTIVE).order_by("pk")[
            : len(CHOICES)
        ]
    )
    if not members:
        return
    changed = 0
    for member, (choice, is_large_print) in zip(members, CHOICES, strict=False):
        if (member.papers_by_post, member.is_large_print) == (choice, is_large_print):
            continue
        member.papers_by_post = choice
        member.is_large_print = is_large_print
        member.save(update_fields=["papers_by_post", "is_large_print"])
        changed += 1
    if changed:
        stdout.write(f"Gave {changed} postal members a choice of papers in their letters.")
