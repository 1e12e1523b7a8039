"""Form fields that refuse what the database cannot store or look up, with a clear message.

Django's ModelChoiceField sends whatever was typed to the database: a number wider than the
database's integers raises OverflowError on SQLite, a NUL byte a DataError on PostgreSQL.
These fields check the value against the key's column first and answer with a form error.
"""

from django import forms
from django.db import connection
from django.db.models import Field
from django.utils.translation import gettext_lazy as _

from .params import clean_text, parse_int

INVALID_CHOICE = _("Choose one of the options in the list.")


def key_is_storable(field: Field, value: object) -> bool:
    """Whether `value` can be compared with `field` in the database without an error."""
    if value in (None, ""):
        return True
    text = str(value)
    if clean_text(text) != text:
        return False  # NUL and other control characters
    while field.is_relation:  # a page's key is its page_ptr, an integer underneath
        field = field.target_field
    internal = field.get_internal_type()
    if "Integer" in internal or internal.endswith("AutoField"):
        low, high = connection.ops.integer_field_range(internal)
        number = parse_int(
            text, minimum=low if low is not None else -(2**63), maximum=high or 2**63 - 1
        )
        return number is not None
    return len(text) <= (getattr(field, "max_length", None) or 10_000)


class SafeModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that rejects keys the database could not look up."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages.setdefault("invalid_choice", INVALID_CHOICE)

    def to_python(self, value):
        if value not in self.empty_values:
            key = self.to_field_name or "pk"
            meta = self.queryset.model._meta
            if not key_is_storable(meta.pk if key == "pk" else meta.get_field(key), value):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that rejects keys the database could not look up."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_choice"] = kwargs.get("error_messages", {}).get(
            "invalid_choice", INVALID_CHOICE
        )

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        model_field = (
            self.queryset.model._meta.pk
            if key == "pk"
            else self.queryset.model._meta.get_field(key)
        )
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if not key_is_storable(model_field, item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": "…"},
                )
        return super()._check_values(value)
