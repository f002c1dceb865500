"""The "express an interest in joining this group" form."""

from django import forms


class InterestForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=255,
        error_messages={"required": "Enter your name."},
    )
    email = forms.EmailField(
        label="Your email address",
        help_text="We email you a link to confirm it: your interest reaches the group when you "
        "follow the link.",
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address like name@example.org.",
        },
    )
    organisation = forms.CharField(
        label="Your organisation (optional)",
        max_length=255,
        required=False,
        help_text="Leave blank if you would join as a resident.",
    )
    message = forms.CharField(
        label="What you would bring to the group (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            # A signed-in member asks as themselves: name and address come from the account.
            del self.fields["name"]
            del self.fields["email"]
