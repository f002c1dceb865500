"""People the tests make: a verified account with the suite's password and two-factor secret,
and a Steering Group seat."""

import datetime

from allauth.account.models import EmailAddress
from django.utils import timezone

from home.models import SteeringGroupSeat

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
PASSWORD = "correct horse battery"


def account(django_user_model, email, first_name="", last_name="", **fields):
    """An account with a verified primary email address and the suite's password."""
    user = django_user_model.objects.create_user(
        email=email, password=PASSWORD, first_name=first_name, last_name=last_name, **fields
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def give_seat(user, organisation, *, title="Council representative", joined=None, left=None):
    """A Steering Group seat for `user`, held from `joined` (a year ago by default)."""
    return SteeringGroupSeat.objects.create(
        person=user,
        organisation=organisation,
        title=title,
        joined=joined or timezone.localdate() - datetime.timedelta(days=365),
        left=left,
    )
