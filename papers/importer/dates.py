"""Dates as KCP papers print them: meeting dates ("May 13th, 2009", "14th November 2007",
"13/05/2009") and the due dates of action plans ("End March 2005"), from one month table."""

import calendar
import datetime
import re
from dataclasses import dataclass
from datetime import date

# The one month table: every name and abbreviation papers print, to the month's number.
MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    }
}
MONTHS["sept"] = 9
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
_DATE = (
    rf"{_WEEKDAY}?(?:"
    rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>[0-3]?\d)[/.-](?P<m3>[0-3]?\d)[/.-](?P<y3>\d{{4}}|\d{{2}})"
    rf"|(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]?\d)-(?P<d4>[0-3]?\d)"
    r")"
)
_DATE_IN_TEXT = re.compile(rf"(?<![\w/.-])(?P<date>{_DATE})(?![\w/-])", re.IGNORECASE)
_MEETING_LINE = re.compile(
    rf"^(?:(?:meeting\s+)?date\s*:\s*)?(?P<lead>.*?)\s*(?P<date>{_DATE})\s*\.?$", re.IGNORECASE
)
_MEETING_LEAD = re.compile(
    r"^(?:(?P<group>[A-Za-z][A-Za-z&'’ -]*?)\s+)?meeting(?:\s+(?:held\s+)?(?:on|of|date))?$",
    re.IGNORECASE,
)
_SMALL_WORDS = {"and", "of", "the", "for", "on"}


@dataclass(frozen=True)
class PrintedDate:
    """A date found inside a line, and where: the rest of the line may hold other facts."""

    value: date
    start: int
    end: int


def find_printed_date(text: str) -> PrintedDate | None:
    """The first valid date printed anywhere in `text`, with its position."""
    for match in _DATE_IN_TEXT.finditer(text):
        value = _date_from(match)
        if value is not None:
            return PrintedDate(value, match.start(), match.end())
    return None


@dataclass(frozen=True)
class MeetingLine:
    """A header line naming the meeting date and, if printed, the group that met."""

    meeting_date: date
    group: str = ""


def parse_printed_date(text: str) -> date | None:
    """A date printed on its own ("13 May 2009"), or None if the text is not one valid date."""
    match = re.fullmatch(rf"\s*{_DATE}\s*\.?\s*", text, re.IGNORECASE)
    return _date_from(match) if match else None


def read_meeting_line(text: str) -> MeetingLine | None:
    """Read "STEERING GROUP MEETING – 20TH MARCH 2002", "MEETING ON 23RD MAY 2002", "13/05/2009"."""
    match = _MEETING_LINE.match(text.strip())
    if not match:
        return None
    meeting_date = _date_from(match)
    if meeting_date is None:
        return None
    lead = match.group("lead").strip(" \t–—-:,")
    if not lead:
        return MeetingLine(meeting_date)
    lead_match = _MEETING_LEAD.match(lead)
    if not lead_match:
        return None
    return MeetingLine(meeting_date, as_group_name(lead_match.group("group") or ""))


def _date_from(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    for index in ("1", "2", "3", "4"):
        if groups.get(f"y{index}"):
            day_text, month_text, year_text = (groups[f"{p}{index}"] for p in ("d", "m", "y"))
            break
    else:
        return None
    day = int(re.match(r"\d+", day_text).group())
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text[:3].lower()]
    year = int(year_text)
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if not month_text.isdigit() or index == "4":
        return None
    try:  # "06/19/2002": written month first, as an American template prints it
        return date(year, day, month)
    except ValueError:
        return None


def as_group_name(printed: str) -> str:
    """'STEERING GROUP' -> 'Steering Group'; short capital words such as 'KCP' stay as printed."""
    words = []
    for position, word in enumerate(printed.split()):
        if word.isupper() and len(word) <= 3 and word.lower() not in _SMALL_WORDS:
            words.append(word)
        elif word.lower() in _SMALL_WORDS and position:
            words.append(word.lower())
        elif word.isupper():
            words.append(word.capitalize())
        else:
            words.append(word)
    return " ".join(words)


# --- Due dates in action plans ---------------------------------------------------------------

_DUE_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_DUE_MONTH})\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_MONTHS_YEAR = re.compile(
    rf"\b(?P<months>{_DUE_MONTH}(?:\s*(?:/|-|–|and|or|to)\s*{_DUE_MONTH})*)\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _end_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_due_date(text: str) -> datetime.date | None:
    """The date an action is due by, from a due date as written in a plan: "End March 2005" and
    "March 2005" are the last day of March 2005, "July/August 2004" the last day of August,
    "31 March 2005" that day. Text naming no year ("Ongoing", "Review annually in
    March/April") has no date. When the text names several dates, the latest counts."""
    if not text:
        return None
    found: list[datetime.date] = []
    for match in _NUMERIC_DATE.finditer(text):
        try:
            found.append(datetime.date(int(match["year"]), int(match["month"]), int(match["day"])))
        except ValueError:
            continue
    remaining = text
    for match in _DAY_MONTH_YEAR.finditer(text):
        try:
            found.append(
                datetime.date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            )
        except ValueError:
            continue
        remaining = remaining.replace(match.group(0), " ")
    for match in _MONTHS_YEAR.finditer(remaining):
        months = [_month_number(word) for word in re.findall(_DUE_MONTH, match["months"], re.I)]
        found.append(_end_of_month(int(match["year"]), max(months)))
    return max(found) if found else None
