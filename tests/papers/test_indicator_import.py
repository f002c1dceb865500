"""Officers keep an indicator's results: a CSV import saves every row or none, naming each bad
row and what to correct; only officers may import."""

import datetime
from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from papers.indicators.exceptions import ResultsImportError
from papers.indicators.models import IndicatorResult
from papers.indicators.services import import_results

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
IMPORT_URL = "/admin/indicators/import-results/"
GOOD_CSV = (
    "date,value,area,note,source\n2009-03-31,17.2,,Provisional,DWP\n31/03/2009,15.0,Golborne,,DWP\n"
)


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, SECRET)
    client.force_login(officer)
    return client


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("results.csv", text.encode(), content_type="text/csv")


def test_a_good_csv_adds_every_result(indicator):
    outcome = import_results(indicator, GOOD_CSV.encode())
    assert outcome.sentence == "2 results added and 0 updated."
    golborne = IndicatorResult.objects.get(indicator=indicator, area="Golborne")
    assert golborne.on == datetime.date(2009, 3, 31)
    assert golborne.value == Decimal("15.0")


def test_a_result_for_a_date_it_already_has_is_replaced(indicator):
    outcome = import_results(indicator, b"date,value\n2008-03-31,17.9\n")
    assert outcome.sentence == "0 results added and 1 updated."
    assert IndicatorResult.objects.get(indicator=indicator, on="2008-03-31").value == Decimal(
        "17.9"
    )


def test_a_csv_with_a_bad_row_saves_nothing_and_names_the_row(indicator):
    before = IndicatorResult.objects.count()
    bad = GOOD_CSV + "2010-03-31,about 16,,,\n2011-02-30,16,,,\n"
    with pytest.raises(ResultsImportError) as refused:
        import_results(indicator, bad.encode())
    assert refused.value.problems == [
        "Row 4: the value “about 16” is not a number; write it without units, e.g. 12.5.",
        "Row 5: the date “2011-02-30” is not a date; write it as 2008-03-31 or 31/03/2008.",
    ]
    assert IndicatorResult.objects.count() == before


def test_a_row_repeated_in_the_file_is_named(indicator):
    with pytest.raises(ResultsImportError) as refused:
        import_results(indicator, b"date,value\n2009-03-31,1\n31/03/2009,2\n")
    assert refused.value.problems == [
        "Row 3: a result for 31/03/2009 is already in the file; keep one."
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "The file is empty"),
        (b"when,how many\n2009-03-31,1\n", "Missing: date, value."),
        (b"date,value\n", "no results under it"),
        ("date,value\n2009-03-31,1\n".encode("utf-16"), "not a CSV saved as UTF-8"),
    ],
    ids=["empty", "wrong-headings", "no-rows", "not-utf8"],
)
def test_a_file_that_is_not_a_csv_of_results_is_refused_with_what_to_do(indicator, raw, message):
    with pytest.raises(ResultsImportError) as refused:
        import_results(indicator, raw)
    assert message in refused.value.message


def test_an_officer_imports_results_from_the_admin(officer_client, indicator):
    response = officer_client.post(
        IMPORT_URL, {"indicator": indicator.pk, "file": upload(GOOD_CSV)}, follow=True
    )
    assert "Out-of-work benefit claimants: 2 results added and 0 updated." in (
        response.content.decode()
    )
    assert IndicatorResult.objects.filter(indicator=indicator, on="2009-03-31").count() == 2


def test_the_admin_import_shows_every_bad_row_and_saves_nothing(officer_client, indicator):
    before = IndicatorResult.objects.count()
    response = officer_client.post(
        IMPORT_URL,
        {"indicator": indicator.pk, "file": upload("date,value\n2009-03-31,lots\n")},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in html
    assert "Row 2: the value “lots” is not a number" in html
    assert IndicatorResult.objects.count() == before


def test_the_admin_import_without_a_file_or_indicator_says_what_to_choose(officer_client):
    response = officer_client.post(IMPORT_URL, {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose the indicator the results are for." in html
    assert "Choose the CSV file of results to import." in html


def test_only_officers_may_import_results(client, django_user_model, indicator):
    editor = django_user_model.objects.create_user(email="editor@kcp.example", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    before = IndicatorResult.objects.count()
    response = client.post(IMPORT_URL, {"indicator": indicator.pk, "file": upload(GOOD_CSV)})
    assert response.status_code == 403
    assert "Only Partnership officers import indicator results." in response.content.decode()
    assert IndicatorResult.objects.count() == before


def test_officers_keep_results_in_the_admin_and_lead_officers_cannot(
    officer_client, indicator, client, django_user_model
):
    listing = officer_client.get("/admin/indicator_results/")
    assert listing.status_code == 200
    assert "31 March 2008" in listing.content.decode() or "2008" in listing.content.decode()
    editor = django_user_model.objects.create_user(email="editor2@kcp.example", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/indicator_results/").status_code in (302, 403)
