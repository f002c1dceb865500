"""What data rights add to the extension points: background work and editing records as
personal-data holders."""

from wagtail import hooks

from home.extension_points import (
    PERSONAL_DATA,
)
from members.data_rights import background_work as data_rights_background_work
from members.data_rights import editorial as data_rights_editorial


@hooks.register(PERSONAL_DATA)
def background_work_personal_data():
    return data_rights_background_work.BackgroundWorkData()


@hooks.register(PERSONAL_DATA)
def editing_records_personal_data():
    return data_rights_editorial.EditingRecordsData()
