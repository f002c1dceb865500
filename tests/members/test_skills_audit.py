"""The skills and interests audit: Steering Group members answer (and are told what to fix),
officers compare the answers and export them as a CSV a spreadsheet cannot run, and every
view and export is logged. The answers are personal data, registered for export and erasure."""

import csv
import io

import pytest

from home.audit import AuditEntry
from home.extension_points import personal_data_holders
from members.induction.skills_audit import save_answers
from members.models import SkillsAuditAnswers

pytestmark = pytest.mark.django_db

ANSWERS = {
    "expertise": "Housing law and tenants' associations",
    "themes": ["housing", "safety"],
    "training": ["equalities", "disability"],
    "other_training": "",
}


def test_member_answers_the_audit_and_can_change_their_answers(client, steering_group_member):
    client.force_login(steering_group_member)
    assert client.get("/members/skills-audit/").status_code == 200
    response = client.post("/members/skills-audit/", ANSWERS)
    assert response.status_code == 302
    answers = SkillsAuditAnswers.objects.get(member=steering_group_member)
    assert answers.theme_labels == ["Homes and housing", "Community safety"]
    assert answers.training_labels == ["Equalities", "Disability awareness"]
    form = client.get("/members/skills-audit/").content.decode()
    assert "Housing law and tenants" in form
    assert 'value="housing" id="id_themes_4" checked' in form or "checked" in form
    assert "You answered on" in client.get("/members/").content.decode()


def test_a_form_with_mistakes_says_what_to_fix_and_keeps_what_was_typed(
    client, steering_group_member
):
    client.force_login(steering_group_member)
    response = client.post(
        "/members/skills-audit/",
        {"expertise": "", "themes": [], "training": ["equalities"], "other_training": "Budgets"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Tell us at least one area you know well" in html
    assert "Choose at least one Community Strategy theme" in html
    assert 'value="Budgets"' in html
    assert 'aria-invalid="true"' in html
    assert not SkillsAuditAnswers.objects.exists()


def test_the_audit_is_refused_to_wider_partnership_members_with_a_clear_403(
    client, wider_partnership_member
):
    client.force_login(wider_partnership_member)
    response = client.get("/members/skills-audit/")
    assert response.status_code == 403
    assert "The skills and interests audit is for Steering Group members" in (
        response.content.decode()
    )
    client.post("/members/skills-audit/", ANSWERS)
    assert not SkillsAuditAnswers.objects.exists()


def test_a_member_never_sees_or_changes_another_members_answers(
    client, steering_group_member, half_way_member
):
    save_answers(half_way_member, **{**ANSWERS, "expertise": "Maria's public health work"})
    client.force_login(steering_group_member)
    assert "Maria's public health work" not in client.get("/members/skills-audit/").content.decode()
    client.post("/members/skills-audit/", {**ANSWERS, "member": half_way_member.pk})
    assert SkillsAuditAnswers.objects.get(member=half_way_member).expertise == (
        "Maria's public health work"
    )


def test_officers_see_answers_side_by_side_and_each_view_is_logged(
    officer_client, officer, steering_group_member, half_way_member
):
    save_answers(steering_group_member, **ANSWERS)
    save_answers(half_way_member, **{**ANSWERS, "expertise": "Public health"})
    html = officer_client.get("/admin/skills-audit/").content.decode()
    assert "Housing law and tenants" in html and "Public health" in html
    assert "Royal Borough of Kensington and Chelsea" in html
    assert (
        AuditEntry.objects.filter(action="members.skills_audit.viewed", actor=officer).count() == 2
    )


def test_the_csv_export_neutralises_formulas_and_is_logged(
    officer_client, officer, steering_group_member
):
    save_answers(
        steering_group_member,
        **{**ANSWERS, "expertise": '=HYPERLINK("http://evil.example")', "other_training": "+1"},
    )
    response = officer_client.get("/admin/skills-audit/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Name", "Email", "Areas of expertise"]
    assert rows[1][2] == '\'=HYPERLINK("http://evil.example")'
    assert rows[1][4].endswith("+1")  # inside the cell, not at its start: harmless
    assert AuditEntry.objects.filter(action="members.skills_audit.exported").exists()


def test_officer_screens_are_refused_to_members_and_lead_officers(
    client, steering_group_member, lead_officer, half_way_member
):
    save_answers(half_way_member, **{**ANSWERS, "expertise": "Secret expertise"})
    for person in (steering_group_member, lead_officer):
        client.force_login(person)
        for url in (
            "/admin/skills-audit/",
            "/admin/skills-audit/export.csv",
            "/admin/induction-progress/",
        ):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert b"Secret expertise" not in response.content
            assert b"maria.half@kcp.example" not in response.content
    assert not AuditEntry.objects.filter(action__startswith="members.skills_audit.v").exists()


def test_the_answers_are_registered_as_personal_data_to_export_and_erase(
    steering_group_member,
):
    save_answers(steering_group_member, **ANSWERS)
    holder = next(h for h in personal_data_holders() if h.name == "Skills and interests audit")
    assert SkillsAuditAnswers in holder.models
    assert holder.export(steering_group_member)["expertise"] == ANSWERS["expertise"]
    holder.erase(steering_group_member)
    assert not SkillsAuditAnswers.objects.exists()
    names = {h.name for h in personal_data_holders()}
    assert {"Induction progress", "Shadowing and meet-a-member pairings"} <= names
