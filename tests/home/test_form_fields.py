"""The shared form fields (templates/includes/form_fields.html): radios and checkbox lists are
a fieldset with a legend and a label for each option, which the Nu checker accepts; their hint
and errors are read with the group."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.site_crawl import html_errors

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("test_templates")]


class ContactForm(forms.Form):
    name = forms.CharField(label="Your name")
    channel = forms.ChoiceField(
        label="How should we reach you?",
        choices=[("email", "By email"), ("post", "By post")],
        widget=forms.RadioSelect,
        help_text="We use it only for Partnership business.",
        error_messages={"required": "Choose how we should reach you: by email or by post."},
    )
    topics = forms.MultipleChoiceField(
        label="What interests you?",
        choices=[("health", "Health"), ("housing", "Housing")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    agrees = forms.BooleanField(label="I agree to the terms", required=False)


def page_with(form) -> str:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return render_to_string("tests/form_page.html", {"form": form}, request=request)


def test_a_radio_group_is_a_fieldset_whose_legend_asks_the_question(home_page):
    html = page_with(ContactForm())
    assert '<legend class="form-group__legend">How should we reach you?</legend>' in html
    assert '<label for="id_channel_0">By email</label>' in html
    assert '<label for="id_topics_1">Housing</label>' in html
    assert 'aria-describedby="id_channel_helptext"' in html
    assert '<label for="id_channel">' not in html and '<label for="">' not in html


def test_a_radio_groups_error_says_what_to_do_and_is_read_with_the_group(home_page):
    form = ContactForm({"name": "Priya Shah"})
    assert not form.is_valid()
    html = page_with(form)
    assert 'aria-describedby="id_channel_helptext id_channel_error"' in html
    assert "Choose how we should reach you: by email or by post." in html


def test_a_page_with_radio_and_checkbox_groups_is_valid_html_empty_and_with_errors(home_page):
    form_with_errors = ContactForm({"name": ""})
    form_with_errors.is_valid()
    errors = html_errors(
        {"empty": page_with(ContactForm()), "with errors": page_with(form_with_errors)}
    )
    assert not errors, "\n".join(errors)


def test_the_nu_checker_rejects_the_old_label_for_a_radio_group():
    """Control: what the template wrote before, an empty label "for", fails."""
    old = (
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><form>'
        '<label for="">How?</label><div id="id_channel">'
        '<label for="id_channel_0"><input type="radio" id="id_channel_0" name="c" value="e">'
        " E</label></div></form></body></html>"
    )
    assert html_errors({"old": old})
