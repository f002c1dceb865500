"""Defect 5 of issue 12: NUL in the archive or site search answered 500 on PostgreSQL and
SQLite; a double quote answered 500 on SQLite. tests/security/test_fuzzing.py repeats these
with many more values on both databases."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/papers/?q=a%00b",
        "/search/?query=a%00b",
        "/search/?query=%22priorities",
        "/papers/?q=%22priorities%22+%22",
        "/papers/?q=%00",
    ],
)
def test_hostile_search_text_gets_a_page_not_a_server_error(client, paper_archive, report, path):
    response = client.get(path)
    assert response.status_code == 200
