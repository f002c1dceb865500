"""What higher apps add to the base through Wagtail hooks: the personal data each app holds.

`kcp_personal_data`: each app that keeps personal data registers a function returning one or
more `PersonalDataHolder`s: the models it keeps, how to export and erase one person's data,
and the lines of the data-protection register the privacy notice is generated from. The
members app's data rights (download, erasure, retention) go through every holder, so an app
never has to be imported by another to have its data found (pretix's "shredder", the Wagtail
way). A test fails if a model with a foreign key to the user or member model is in no holder.
"""

import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from wagtail import hooks

PERSONAL_DATA_HOOK = "kcp_personal_data"


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the data-protection register: what is held, why, who sees it, how long.

    `fields` names the model fields it covers as "app_label.Model.field", or
    "app_label.Model.*" for every field of a model kept as a whole."""

    what: str
    fields: tuple[str, ...]
    purpose: str
    lawful_basis: str
    who_sees_it: str
    kept_for: str


@dataclass(frozen=True)
class PersonalDataHolder:
    """An app's personal data. `export(user)` returns JSON-ready data about that person;
    `erase(user)` removes or anonymises it (the account itself is deleted last, by members)."""

    name: str
    models: tuple[type[models.Model], ...]
    export: Callable[[object], dict | list]
    erase: Callable[[object], None]
    register: tuple[RegisterEntry, ...] = field(default=())


def personal_data_holders() -> list[PersonalDataHolder]:
    holders: list[PersonalDataHolder] = []
    for hook in hooks.get_hooks(PERSONAL_DATA_HOOK):
        registered = hook()
        if isinstance(registered, PersonalDataHolder):
            holders.append(registered)
        else:
            holders.extend(registered)
    return holders


def data_protection_register() -> list[RegisterEntry]:
    """Every register line, in the order the apps registered them."""
    return [entry for holder in personal_data_holders() for entry in holder.register]


def models_with_personal_data() -> set[type[models.Model]]:
    return {model for holder in personal_data_holders() for model in holder.models}


def fields_covered(entries: Iterable[RegisterEntry]) -> set[str]:
    return {name for entry in entries for name in entry.fields}


# Fields whose value is a secret, not information about the person: shown as set or not set.
SECRET_FIELDS = {"password", "data", "secret", "key_hash"}


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def row_as_dict(instance: models.Model, *, secret_fields=SECRET_FIELDS) -> dict:
    """Every concrete field of a row, and many-to-many fields as lists of names."""
    row = {}
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        if model_field.name in secret_fields:
            value = "(set)" if value else "(not set)"
        row[model_field.name] = _json_value(value)
    for model_field in instance._meta.many_to_many:
        row[model_field.name] = [
            str(related) for related in getattr(instance, model_field.name).all()
        ]
    return row


def rows(queryset, **kwargs) -> list[dict]:
    return [row_as_dict(instance, **kwargs) for instance in queryset]
