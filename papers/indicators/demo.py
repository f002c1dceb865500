"""Demo content of the indicators data bank: ten indicators of the kind the 2004/05 Partnership
Plan names (floor targets, worklessness in the northern wards, crime, health, housing,
education), each with targets by year and several years of believable results, some on track
and some not, and one with ward breakdowns; and a progress report on the floor targets, at
the May 2009 Steering Group meeting, that embeds two indicators' charts (frozen when it was
published). Creates only what is missing."""

import datetime
from decimal import Decimal

from wagtail.models import Page

from home.models import HomePage, Organisation
from papers.models import MeetingPage, ProgressReportPage

from .models import IndicatorIndexPage, IndicatorPage, IndicatorResult, IndicatorTarget

COUNCIL = "Royal Borough of Kensington and Chelsea"
NHS = "NHS Kensington and Chelsea"
POLICE = "Metropolitan Police, Kensington and Chelsea"
JOBCENTRE = "Jobcentre Plus"

# title, theme, lead, unit, direction, what is counted, source, frequency, baseline (value,
# label), targets {year: value}, results [(year, value)] dated 31 March of that year.
INDICATORS = [
    (
        "Working-age residents claiming out-of-work benefits in the northern wards",
        "Worklessness and enterprise",
        JOBCENTRE,
        "% of working-age residents",
        "lower",
        "Residents aged 16 to 64 in Golborne, Notting Barns, St Charles and Colville claiming "
        "Jobseeker's Allowance, Incapacity Benefit or Income Support, as a share of all residents "
        "of that age in those wards.",
        "Department for Work and Pensions, benefit claimant counts",
        "Quarterly",
        ("21.4", "2003/04"),
        {2005: "20.5", 2006: "19.5", 2007: "18.5", 2008: "17.5"},
        [(2004, "21.4"), (2005, "20.9"), (2006, "19.8"), (2007, "18.9"), (2008, "18.1")],
    ),
    (
        "Overall employment rate",
        "Worklessness and enterprise",
        COUNCIL,
        "% of working-age residents",
        "higher",
        "Residents aged 16 to 64 in work, as a share of all residents of that age.",
        "Office for National Statistics, Annual Population Survey",
        "Yearly",
        ("66.0", "2003/04"),
        {2005: "67.0", 2006: "68.0", 2007: "69.0", 2008: "70.0"},
        [(2004, "66.0"), (2005, "67.4"), (2006, "68.3"), (2007, "69.6"), (2008, "70.2")],
    ),
    (
        "British Crime Survey comparator crimes",
        "Community safety",
        POLICE,
        "crimes recorded",
        "lower",
        "Recorded crimes of the kinds the British Crime Survey compares (burglary, vehicle "
        "crime, theft from the person, criminal damage and some violence), in the year.",
        "Metropolitan Police recorded crime figures",
        "Yearly",
        ("14250", "2003/04"),
        {2005: "13500", 2006: "13000", 2007: "12400", 2008: "11800"},
        [(2004, "14250"), (2005, "13320"), (2006, "12980"), (2007, "12610"), (2008, "12090")],
    ),
    (
        "Domestic burglaries",
        "Community safety",
        POLICE,
        "burglaries a year",
        "lower",
        "Burglaries of homes reported to the police, in the year.",
        "Metropolitan Police recorded crime figures",
        "Yearly",
        ("1630", "2003/04"),
        {2006: "1450", 2008: "1300"},
        [(2004, "1630"), (2005, "1520"), (2006, "1410"), (2007, "1380"), (2008, "1265")],
    ),
    (
        "All-age all-cause mortality rate in the most deprived wards",
        "Health and well-being",
        NHS,
        "deaths per 100,000 people",
        "lower",
        "Deaths of residents of the borough's most deprived wards in the year, per 100,000 "
        "people, age-standardised so that wards can be compared.",
        "Office for National Statistics, mortality statistics",
        "Yearly",
        ("812", "2001–03"),
        {2006: "760", 2008: "720", 2010: "690"},
        [(2004, "805"), (2005, "790"), (2006, "774"), (2007, "761"), (2008, "748")],
    ),
    (
        "Adults who smoke",
        "Health and well-being",
        NHS,
        "% of adults",
        "lower",
        "Adults who say they smoke, as a share of all adults surveyed.",
        "Borough health and lifestyle survey",
        "Every two years",
        ("27", "2003"),
        {2005: "25", 2007: "23", 2009: "21"},
        [(2003, "27"), (2005, "25.2"), (2007, "22.6")],
    ),
    (
        "Pupils gaining five or more GCSEs at grades A* to C",
        "Education and lifelong learning",
        COUNCIL,
        "% of pupils",
        "higher",
        "Pupils at the end of Key Stage 4 in the borough's schools who gained five or more "
        "GCSEs at grades A* to C, as a share of all pupils at that stage.",
        "Department for Education, school performance tables",
        "Yearly",
        ("61", "2003"),
        {2005: "63", 2006: "65", 2007: "67", 2008: "69"},
        [(2004, "62.1"), (2005, "64.0"), (2006, "64.2"), (2007, "66.1"), (2008, "70.3")],
    ),
    (
        "Homes that are not decent",
        "Homes and housing",
        COUNCIL,
        "% of social rented homes",
        "lower",
        "Social rented homes below the Decent Homes Standard, as a share of all social rented "
        "homes in the borough.",
        "Council and housing associations' stock condition returns",
        "Yearly",
        ("38", "2003/04"),
        {2006: "25", 2008: "15", 2010: "0"},
        [(2004, "38"), (2005, "33"), (2006, "27"), (2007, "21"), (2008, "16")],
    ),
    (
        "Residents who feel they can influence decisions in their area",
        "Stronger communities",
        COUNCIL,
        "% of residents",
        "higher",
        "Residents who agree they can influence decisions affecting their local area, as a "
        "share of those asked.",
        "Residents' panel survey",
        "Yearly",
        ("31", "2004"),
        {2006: "35", 2008: "38"},
        [(2004, "31"), (2005, "33"), (2006, "32"), (2007, "34"), (2008, "35")],
    ),
    (
        "Household waste recycled or composted",
        "Environment and transport",
        COUNCIL,
        "% of household waste",
        "higher",
        "Household waste sent for recycling or composting, as a share of all household waste "
        "collected.",
        "Council waste management returns",
        "Quarterly",
        ("13", "2003/04"),
        {2005: "18", 2006: "22", 2007: "25", 2008: "28"},
        [],
    ),
]

WARD_RESULTS = {
    "Working-age residents claiming out-of-work benefits in the northern wards": [
        ("Golborne", "23.9"),
        ("Notting Barns", "19.2"),
        ("St Charles", "16.4"),
        ("Colville", "14.8"),
    ]
}


def load(stdout) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    index = IndicatorIndexPage.objects.first()
    if index is None:
        index = IndicatorIndexPage(
            title="Indicators",
            slug="indicators",
            show_in_menus=True,
            introduction="How the borough is doing against the targets of the Community "
            "Strategy and the Neighbourhood Renewal Strategy: each indicator's results, its "
            "targets, and whether it is on track.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("Created the indicators data bank.")
    organisations = {o.name: o for o in Organisation.objects.all()}
    for entry in INDICATORS:
        _indicator(index, organisations, entry, stdout)
    _progress_report_with_charts(stdout)


def _indicator(index: Page, organisations: dict, entry: tuple, stdout) -> None:
    title, theme, lead, unit, direction, counted, source, frequency = entry[:8]
    (baseline, baseline_label), targets, results = entry[8:]
    if IndicatorPage.objects.filter(title=title).exists():
        return
    indicator = IndicatorPage(
        title=title,
        theme=theme,
        lead_organisation=organisations.get(lead),
        unit=unit,
        direction=direction,
        what_is_counted=counted,
        source=source,
        frequency=frequency,
        baseline_value=Decimal(baseline),
        baseline_label=baseline_label,
        targets=[IndicatorTarget(year=year, value=Decimal(v)) for year, v in targets.items()],
    )
    index.add_child(instance=indicator)
    indicator.save_revision().publish()
    IndicatorResult.objects.bulk_create(
        IndicatorResult(
            indicator=indicator,
            on=datetime.date(year, 3, 31),
            value=Decimal(value),
            source=source,
        )
        for year, value in results
    )
    IndicatorResult.objects.bulk_create(
        IndicatorResult(
            indicator=indicator,
            on=datetime.date(2008, 3, 31),
            value=Decimal(value),
            area=ward,
            source=source,
        )
        for ward, value in WARD_RESULTS.get(title, [])
    )
    stdout.write(f"Created the indicator {title}.")


FLOOR_TARGETS_REPORT = "Neighbourhood Renewal floor targets: progress to March 2008"


def _progress_report_with_charts(stdout) -> None:
    meeting = MeetingPage.objects.filter(title="Steering Group meeting, 13 May 2009").first()
    if meeting is None or ProgressReportPage.objects.filter(title=FLOOR_TARGETS_REPORT).exists():
        return
    charts = {
        number: IndicatorPage.objects.filter(title=title).first()
        for number, title in (
            ("1", "Working-age residents claiming out-of-work benefits in the northern wards"),
            ("2", "British Crime Survey comparator crimes"),
        )
    }
    objectives = [
        {
            "type": "objective",
            "value": {
                "number": number,
                "title": title,
                "actions": [
                    {
                        "number": "",
                        "action": action,
                        "progress": progress,
                        "lead": lead,
                        "due_date": "March 2008",
                        "rag": rag,
                    }
                ],
                "indicator_charts": [{"indicator": charts[number].pk, "caption": caption}]
                if charts[number]
                else [],
            },
        }
        for number, title, action, progress, lead, rag, caption in (
            (
                "1",
                "Fewer people out of work in the northern wards",
                "Outreach job brokerage in Golborne and St Charles",
                "1,120 residents helped; 310 into work.",
                "Jobcentre Plus",
                "at_risk",
                "Claimants fell each year, but more slowly than the targets ask.",
            ),
            (
                "2",
                "Less crime",
                "Safer Neighbourhoods teams in every ward",
                "All wards covered since April 2006.",
                "Metropolitan Police",
                "on_track",
                "Comparator crimes fell by 15% since 2003/04.",
            ),
        )
    ]
    report = ProgressReportPage(
        title=FLOOR_TARGETS_REPORT,
        status=ProgressReportPage.Status.FOR_INFORMATION,
        purpose="This paper reports progress against the floor targets of the Neighbourhood "
        "Renewal Strategy, as the Partnership Plan asks each year.",
        objectives=objectives,
    )
    meeting.add_child(instance=report)
    report.save_revision().publish()
    stdout.write(f"Created the progress report {FLOOR_TARGETS_REPORT}.")
