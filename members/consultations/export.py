"""Responses as a CSV file for a spreadsheet, officers only. Every cell is formula-neutralised
(home.spreadsheets.neutralise): a cell starting = + - @, a tab or a carriage return is
written with a leading apostrophe, so `=HYPERLINK(...)` in an answer stays text."""

import csv
import io

from home.spreadsheets import neutralise

from .services import ResponseRow


def responses_csv(rows: list[ResponseRow], questions: tuple[dict, ...]) -> str:
    keys = [question["key"] for question in questions]
    header = ["Name", "Email", "Address", "Organisation", "How it came", "Received", "Read"]
    header += ["Paragraph", *[question["question"] for question in questions]]
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(header)
    for row in rows:
        answers = {answer.get("key"): answer.get("answer", "") for answer in row.answers}
        cells = [
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
        writer.writerow([neutralise(cell) for cell in cells])
    return output.getvalue()
