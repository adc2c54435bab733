from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.core.models import Person


class DesignsystemetMixin:
    """Gives widgets Designsystemet's classes and ties each error to its field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def add_error(self, field, error):
        super().add_error(field, error)
        for name in self._errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"


class PersonByEmailField(forms.EmailField):
    """An active person named by their e-mail address; empty is no one."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        person = Person.objects.filter(email__iexact=value, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Ingen i Hubro har den e-postadressen."))
        return person

    def prepare_value(self, value):
        return value.email if isinstance(value, Person) else value
