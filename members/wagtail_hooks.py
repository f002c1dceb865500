"""What members adds to the layers below: the personal data of accounts."""

from wagtail import hooks

from home.extension_points import PERSONAL_DATA

from .personal_data import AccountData


@hooks.register(PERSONAL_DATA)
def account_personal_data() -> AccountData:
    return AccountData()
