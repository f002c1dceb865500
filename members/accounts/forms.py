"""The sign-in form: allauth's, with the site's wording."""

from allauth.account.forms import LoginForm


class SignInForm(LoginForm):
    """/accounts/login/: officers and editors sign in with their password (then two-factor);
    members ask for an emailed code at /accounts/login/code/. allauth drops the password
    field when sign-up asks for none, which would leave officers without theirs."""

    def _setup_password_field(self) -> None:
        """Keep the password, required."""
