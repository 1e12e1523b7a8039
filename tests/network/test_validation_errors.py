"""A model's or service's ValidationError lands on the form the user sent, losing nothing."""

from django import forms
from django.core.exceptions import ValidationError

from network.forms import add_validation_errors


class _Form(forms.Form):
    email = forms.EmailField()


def _form() -> _Form:
    form = _Form(data={"email": "a@example.org"})
    assert form.is_valid()
    return form


def test_a_field_message_stays_at_its_field_and_others_go_above_the_form():
    form = _form()
    add_validation_errors(
        form, ValidationError({"email": "Dit adres is al ingeschreven.", "capacity": "Vol."})
    )
    assert form.errors["email"] == ["Dit adres is al ingeschreven."]
    assert form.non_field_errors() == ["Vol."]
    assert "email" not in form.cleaned_data


def test_a_message_without_field_goes_above_the_form():
    form = _form()
    add_validation_errors(form, ValidationError(["De inschrijving is gesloten.", "Probeer later."]))
    assert form.non_field_errors() == ["De inschrijving is gesloten.", "Probeer later."]
    assert form.data["email"] == "a@example.org"  # what the user typed is still there
