"""What postal mailing adds: its menu item and the letters' personal data."""

from django.urls import reverse
from wagtail import hooks

from home.admin_menu import OfficersMenuItem
from home.extension_points import (
    PERSONAL_DATA,
)
from members.postal import personal_data as postal_personal_data


@hooks.register("register_admin_menu_item")
def postal_mailing_menu_item():
    return OfficersMenuItem(
        "Postal mailing", reverse("members_postal_mailing"), icon_name="mail", order=855
    )


@hooks.register(PERSONAL_DATA)
def postal_letters_personal_data():
    return postal_personal_data.PostalLettersData()
