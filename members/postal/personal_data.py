"""The postal letters and batches in the privacy register: export and erasure of a member's
letters (and of the PDF of every batch that held one)."""

from home.extension_points import DataHolder, RegisterEntry, rows

from ..models import Member, PostalBatch, PostalLetter


def export_postal_letters(member: Member | None) -> list[dict]:
    if member is None:
        return []
    return rows(member.postal_letters.prefetch_related("postings"))


def erase_postal_letters(member: Member) -> None:
    """The member's letters go with them, and so does the PDF of every batch that held one
    (it can be made again, without them, from the batch's page)."""
    batches = PostalBatch.objects.filter(letters__member=member).distinct()
    for batch in batches:
        if batch.pdf:
            batch.pdf.delete(save=False)
    PostalBatch.objects.filter(pk__in=[batch.pk for batch in batches]).update(
        pdf="", pdf_state=PostalBatch.PdfState.NOT_STARTED, pdf_finished_at=None
    )
    PostalLetter.objects.filter(member=member).delete()


def _member_of(user) -> Member | None:
    return Member.objects.filter(user=user).first()


def _export_postal_letters_of(user) -> list[dict]:
    return export_postal_letters(_member_of(user))


def _erase_postal_letters_of(user) -> None:
    member = _member_of(user)
    if member is not None:
        erase_postal_letters(member)
    PostalBatch.objects.filter(built_by=user).update(built_by=None)
    PostalBatch.objects.filter(posted_by=user).update(posted_by=None)
    PostalBatch.objects.filter(pdf_requested_by=user).update(pdf_requested_by=None)
    PostalLetter.objects.filter(returned_recorded_by=user).update(returned_recorded_by=None)


POSTAL_REGISTER = (
    RegisterEntry(
        "The letters posted to you (postal members): what each said, the address it went to, "
        "whether it was in large print, and whether it came back undelivered and why",
        ("members.PostalLetter.*",),
        "To send you by post what email members get, to print a letter again exactly as it "
        "was, and to stop letters to an address where you no longer live.",
        "Consent (UK GDPR article 6(1)(a))",
        "Partnership officers (the KCP support team) only",
        "As long as your membership; erased with it, together with the PDF of the batch it was in.",
    ),
    RegisterEntry(
        "Postal batches: when each was built, printed and posted, and which officer did it",
        ("members.PostalBatch.*",),
        "To know what went in the post and when, and so where the next batch starts.",
        "Public task (UK GDPR article 6(1)(e))",
        "Partnership officers (the KCP support team) only",
        "While the letters are kept; an officer's name is removed when their account is deleted.",
    ),
)


def postal_letters_holder() -> DataHolder:
    return DataHolder(
        name="Postal letters",
        models=(PostalLetter, PostalBatch),
        export=_export_postal_letters_of,
        erase=_erase_postal_letters_of,
        register=POSTAL_REGISTER,
    )
