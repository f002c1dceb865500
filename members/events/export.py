"""Registrations as a spreadsheet for officers: the columns and one row per registration. The
file is written by home.spreadsheets, which neutralises every cell (a name like
`=HYPERLINK(...)` stays text)."""

from django.utils import timezone

from home.spreadsheets import spreadsheet

from .models import Registration


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def registrations_table(
    registrations: list[Registration], *, with_needs: bool, questions: list[str] = ()
) -> tuple[list[str], list[list]]:
    """The headings and one row per registration: a column for each of the event's `questions`,
    and for any other question someone answered before it was changed. `with_needs` only for
    Partnership officers: the caller must also have loaded `needs` (select_related) only then."""
    questions = list(questions)
    for registration in registrations:
        for answer in registration.answers:
            if answer.get("question") not in questions:
                questions.append(answer.get("question"))
    header = ["Name", "Email", "Telephone", "Status", "Registered", "Checked in", *questions]
    if with_needs:
        header += ["Access needs", "Dietary needs"]
    rows = []
    for registration in registrations:
        answers = {a.get("question"): a.get("answer", "") for a in registration.answers}
        row = [
            registration.name,
            registration.email,
            registration.telephone,
            registration.get_status_display(),
            _when(registration.created_at),
            _when(registration.checked_in_at),
            *[answers.get(question, "") for question in questions],
        ]
        if with_needs:
            needs = getattr(registration, "needs", None) if _has_needs(registration) else None
            row += [needs.access_needs if needs else "", needs.dietary_needs if needs else ""]
        rows.append(row)
    return header, rows


def registrations_csv(
    registrations: list[Registration], *, with_needs: bool, questions: list[str] = ()
) -> str:
    return spreadsheet(
        *registrations_table(registrations, with_needs=with_needs, questions=questions)
    )


def _has_needs(registration: Registration) -> bool:
    try:
        registration.needs  # noqa: B018 - the reverse one-to-one raises when there is none
    except Registration.needs.RelatedObjectDoesNotExist:
        return False
    return True
