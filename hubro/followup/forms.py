"""Forms for requests, replies and recommendation follow-ups."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin
from hubro.core.models import Organization

from .models import ProgrammeRequest, Recommendation

SUBJECT_MAX = ProgrammeRequest._meta.get_field("subject").max_length


class AddresseeField(forms.ModelChoiceField):
    def __init__(self, *args, owner=None, **kwargs):
        self.owner = owner
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        if self.owner is not None and obj.pk == self.owner.pk:
            return _("%(name)s (programeier)") % {"name": obj.name}
        return obj.name


class RequestForm(DesignsystemetMixin, forms.Form):
    """Who the request goes to (the programme owner first), a subject and the need."""

    addressee = AddresseeField(
        queryset=Organization.objects.none(),
        label=_("Til"),
        empty_label=None,
        help_text=_("Departementet som eier programmet, eller en navngitt etat."),
    )
    subject = forms.CharField(label=_("Emne"), max_length=SUBJECT_MAX)
    body = forms.CharField(label=_("Behov"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        owner = programme.owner
        field = self.fields["addressee"]
        field.owner = owner
        # The owner first, then the state agencies and other organizations by name.
        others = list(Organization.objects.exclude(pk=owner.pk).order_by("name"))
        field.queryset = Organization.objects.all()
        field.choices = [(owner.pk, field.label_from_instance(owner))] + [
            (org.pk, field.label_from_instance(org)) for org in others
        ]
        field.initial = owner.pk


class ReplyForm(DesignsystemetMixin, forms.Form):
    reply = forms.CharField(label=_("Svar"), widget=forms.Textarea(attrs={"rows": 6}))


class RecommendationForm(DesignsystemetMixin, forms.Form):
    response = forms.CharField(
        label=_("Svar på anbefalingen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Hva piloten eller departementet mener om anbefalingen."),
    )
    action = forms.CharField(
        label=_("Tiltak"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Hva som blir gjort, av hvem og når."),
    )
    status = forms.ChoiceField(
        label=_("Status for tiltaket"), choices=Recommendation.Status.choices
    )
