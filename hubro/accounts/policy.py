"""Who must have a second factor (HUBRO_MFA_REQUIRED): ``privileged`` (hosts,
coordinators, programme owners and evaluators, administrators and staff), ``all``, or
``none``."""

from django.conf import settings


def is_privileged(person) -> bool:
    """Whether ``person`` holds a role that sees or changes other people's data."""
    from hubro.core.models import Membership
    from hubro.programme.models import ProgrammeRole
    from hubro.spaces.models import HubHost

    if person.is_superuser or person.is_staff:
        return True
    return (
        HubHost.objects.filter(person=person).exists()
        or Membership.objects.filter(person=person, role=Membership.Role.COORDINATOR).exists()
        or ProgrammeRole.objects.filter(person=person).exists()
    )


def has_second_factor(person) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=person, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


def second_factor_required(person) -> bool:
    mode = settings.HUBRO_MFA_REQUIRED
    if mode == "none" or not (person and person.is_authenticated):
        return False
    return mode == "all" or is_privileged(person)


def needs_second_factor(person) -> bool:
    """Required for ``person`` and not set up yet."""
    return second_factor_required(person) and not has_second_factor(person)
