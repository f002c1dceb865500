"""Responses as a spreadsheet for officers: the columns, one row per response. The file is
written by home.spreadsheets, which neutralises every cell (`=HYPERLINK(...)` in an answer
stays text)."""

from home.spreadsheets import spreadsheet

from .services import ResponseRow


def response_headings(questions: tuple[dict, ...]) -> list[str]:
    header = ["Name", "Email", "Address", "Organisation", "How it came", "Received", "Read"]
    return [*header, "Paragraph", *[question["question"] for question in questions]]


def response_cells(rows: list[ResponseRow], questions: tuple[dict, ...]) -> list[list]:
    keys = [question["key"] for question in questions]
    cells = []
    for row in rows:
        answers = {answer.get("key"): answer.get("answer", "") for answer in row.answers}
        cells.append(
            [
                row.name,
                row.email,
                row.address,
                row.organisation,
                row.channel_label,
                row.received_on.isoformat(),
                "yes" if row.is_read else "no",
                row.paragraph,
                *[answers.get(key, "") for key in keys],
            ]
        )
    return cells


def responses_csv(rows: list[ResponseRow], questions: tuple[dict, ...]) -> str:
    return spreadsheet(response_headings(questions), response_cells(rows, questions))
