"""`manage.py import_paper`: one address per imported paper, one clear line per bad file,
and a bad file never stops the others."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from docx import Document
from wagtail.models import Page, Revision

from papers.models import ActionPlanPage, ReportPage
from papers.seed_papers import SEED_PAPERS_DIR
from tests.papers.paper_files import MID_TERM_REVIEW, PARTNERSHIP_PLAN, PRIORITIES
from themegroups.models import GroupPage

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of the command."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_paper", *[str(arg) for arg in args], stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue()


def test_importing_the_seed_papers_prints_one_address_per_page(steering_group, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kcp.example.org"
    status, out, err = run(
        SEED_PAPERS_DIR / PRIORITIES,
        SEED_PAPERS_DIR / MID_TERM_REVIEW,
        SEED_PAPERS_DIR / PARTNERSHIP_PLAN,
    )
    assert status == 0, err
    assert out.splitlines() == [
        "https://kcp.example.org/steering-group/2009-05-13/"
        "kcp-review-taking-forward-priorities-for-2009-10/",
        "https://kcp.example.org/steering-group/2007-11-14/community-strategy-mid-term-review/",
        "https://kcp.example.org/steering-group/partnership-plan-2004-05/",
    ]
    assert ReportPage.objects.count() == 2 and ActionPlanPage.objects.count() == 1
    assert "the meeting of 13 May 2009 was created" in err


def test_pages_are_drafts_unless_publish_is_given(steering_group):
    run(SEED_PAPERS_DIR / PRIORITIES)
    assert not ReportPage.objects.get().live
    status, _, _ = run(SEED_PAPERS_DIR / PRIORITIES, "--publish")
    assert status == 0
    page = ReportPage.objects.get()
    assert page.live and not page.has_unpublished_changes


def test_importing_again_updates_the_same_page_with_a_new_revision(steering_group):
    _, first, _ = run(SEED_PAPERS_DIR / PRIORITIES)
    page = ReportPage.objects.get()
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    _, second, _ = run(SEED_PAPERS_DIR / PRIORITIES)
    assert first == second
    assert ReportPage.objects.get().pk == page.pk
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions + 1


def test_dry_run_shows_the_structure_and_writes_nothing(steering_group):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    status, out, _ = run(SEED_PAPERS_DIR / PRIORITIES, "--dry-run")
    assert status == 0
    assert "Report: KCP Review – taking forward priorities for 2009/10" in out
    assert "  2.2 Role of the KCP (subheading)" in out
    assert 'Status: for_information (printed "For information")' in out
    assert "To check: author (missing)\n" in out
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def bad_files(folder):
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "huge.txt").write_bytes(b"a" * (10 * 1024 * 1024 + 1))
    with zipfile.ZipFile(folder / "broken.docx", "w") as package:
        package.writestr("notes.txt", "not a Word document")
    (folder / "odd.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 20)
    good = folder / "good.docx"
    Document().save(str(good))
    (folder / "truncated.docx").write_bytes(good.read_bytes()[:500])
    good.unlink()
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    return {
        "empty.txt": "the paper is empty",
        "binary.txt": "binary data",
        "huge.txt": "over 10 MB",
        "broken.docx": "no word/document.xml",
        "odd.txt": "not in an encoding the importer can read",
        "truncated.docx": "the file is not a Word document",
        "paper.pdf": "not a PDF that can be read",
    }


def test_each_bad_file_gets_one_line_and_the_good_ones_still_import(steering_group, tmp_path):
    expected = bad_files(tmp_path)
    pages = Page.objects.count()
    status, out, err = run(
        tmp_path / "empty.txt",
        SEED_PAPERS_DIR / PRIORITIES,
        *[tmp_path / name for name in expected if name != "empty.txt"],
        SEED_PAPERS_DIR / MID_TERM_REVIEW,
    )
    assert status == 1
    assert len(out.splitlines()) == 2
    error_lines = [line for line in err.splitlines() if "was created from the paper" not in line]
    assert len(error_lines) == len(expected)
    for name, reason in expected.items():
        [line] = [line for line in error_lines if line.startswith(f"{name}: ")]
        assert reason in line
    assert ReportPage.objects.count() == 2
    assert Page.objects.count() == pages + 4  # two meetings, two papers


def test_a_paper_with_a_layout_it_cannot_place_imports_with_a_warning_naming_the_line(
    steering_group, tmp_path
):
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    twice = tmp_path / "twice.txt"
    twice.write_text(text.replace("2.2.2 KCP members", "2.2.1 KCP members"), encoding="utf-8")
    status, out, err = run(twice)
    assert status == 0
    assert "/steering-group/2009-05-13/" in out
    assert "twice.txt: line 29: paragraph 2.2.1 is printed twice" in err


def test_a_file_that_fails_creates_nothing_not_even_its_meeting(
    steering_group, tmp_path, monkeypatch
):
    def refuse(page):
        raise ValidationError({"contact_phone": "Ensure this value has at most 60 characters."})

    monkeypatch.setattr(ReportPage, "clean", refuse)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    status, out, err = run(SEED_PAPERS_DIR / PRIORITIES)
    assert status == 1 and out == ""
    assert err.startswith(f"{PRIORITIES}: the page could not hold the paper as printed")
    assert len(err.splitlines()) == 1
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_an_undated_report_is_refused_with_what_to_do_and_imports_with_meeting_date(
    steering_group, tmp_path
):
    undated = tmp_path / "undated.txt"
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    undated.write_text(text.replace("May 13th, 2009", ""), encoding="utf-8")
    status, out, err = run(undated)
    assert status == 1 and out == ""
    assert err.strip() == (
        "undated.txt: the paper prints no meeting date: give the date of the meeting it went "
        "to with --meeting-date YYYY-MM-DD"
    )
    status, out, _ = run(undated, "--meeting-date", "2009-05-13")
    assert status == 0
    assert "/steering-group/2009-05-13/" in out


def test_a_missing_file_is_named(steering_group, tmp_path):
    status, _, err = run(tmp_path / "missing.txt")
    assert status == 1
    assert err.startswith("missing.txt: ")


def test_unknown_group_is_refused_with_the_list_of_groups(steering_group):
    with pytest.raises(CommandError) as raised:
        call_command("import_paper", str(SEED_PAPERS_DIR / PRIORITIES), "--group", "nowhere")
    assert "no group with the web address “nowhere”" in str(raised.value)
    assert "steering-group" in str(raised.value)
    assert ReportPage.objects.count() == 0


def test_the_old_body_option_still_names_the_group(steering_group, home_page):
    """Officers' scripts written before the rename say --body: it is --group's alias."""
    health = home_page.add_child(
        instance=GroupPage(title="Health and Well-Being Partnership", slug="health", purpose="H.")
    )
    status, out, err = run(SEED_PAPERS_DIR / PRIORITIES, "--body", "health")
    assert status == 0, err
    assert ReportPage.objects.get().get_parent().get_parent().pk == health.pk


def test_a_meeting_date_that_is_not_a_date_is_refused(steering_group):
    with pytest.raises(CommandError) as raised:
        call_command(
            "import_paper", str(SEED_PAPERS_DIR / PRIORITIES), "--meeting-date", "13/05/2009"
        )
    assert '"13/05/2009" is not a date: write it as YYYY-MM-DD' in str(raised.value)


def test_meeting_date_puts_an_undated_plan_at_that_meeting(steering_group):
    status, out, _ = run(SEED_PAPERS_DIR / PARTNERSHIP_PLAN, "--meeting-date", "2004-04-21")
    assert status == 0
    assert "/steering-group/2004-04-21/partnership-plan-2004-05/" in out
