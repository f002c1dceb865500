"""The partnership's roles exist from the first migration, with the officers' powers."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from home.roles import ROLES

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group():
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)


def test_partnership_officers_may_publish_anywhere_and_use_the_admin(officer):
    assert officer.has_perm("wagtailadmin.access_admin")
    assert GroupPagePermission.objects.filter(
        group__name="Partnership officers", page__depth=1, permission__codename="publish_page"
    ).exists()


def test_steering_group_members_have_no_editing_rights(django_user_model):
    member = django_user_model.objects.create_user(email="member@kcp.example", password="x")
    member.groups.add(Group.objects.get(name="Steering Group members"))
    assert not member.has_perm("wagtailadmin.access_admin")
