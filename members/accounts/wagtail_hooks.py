"""What accounts add to the extension points: the account's personal data."""

from wagtail import hooks

from home.extension_points import (
    PERSONAL_DATA,
)
from members.accounts.personal_data import AccountData


@hooks.register(PERSONAL_DATA)
def account_personal_data() -> AccountData:
    return AccountData()
