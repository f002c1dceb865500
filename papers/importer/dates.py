"""Meeting dates as KCP papers print them: "May 13th, 2009", "14th November 2007", "13/05/2009"."""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
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
    r"^(?:(?P<body>[A-Za-z][A-Za-z&'’ -]*?)\s+)?meeting(?:\s+(?:held\s+)?(?:on|of|date))?$",
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
    """A header line naming the meeting date and, if printed, the meeting body."""

    meeting_date: date
    body: str = ""


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
    return MeetingLine(meeting_date, as_group_name(lead_match.group("body") or ""))


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
