"""Sign-in events in the audit log: sign-in, failed sign-in, sign-out, second factors
added and removed, password changes. Each entry carries the client's address, which a
security review needs; it is pseudonymised with the rest when a person is deleted."""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from hubro.core.audit import record, record_event
from hubro.core.models import Person


def client_ip(request) -> str:
    if request is None:
        return ""
    try:
        from allauth.core.internal.httpkit import get_client_ip

        return get_client_ip(request) or ""
    except Exception:
        return request.META.get("REMOTE_ADDR", "")


def _method(request) -> str:
    methods = request.session.get("account_authentication_methods", []) if request else []
    return methods[-1].get("method", "") if methods else ""


def record_failed_sign_in(request, email: str, *, method: str = "password") -> None:
    person = Person.objects.filter(email__iexact=(email or "").strip()).first()
    changes = {"ip": client_ip(request), "method": method}
    if person is not None:
        record(None, "person.login_failed", person, changes=changes)
    else:
        record_event(None, "person.login_failed", object_type="core.person", changes=changes)


@receiver(auth_signals.user_logged_in, dispatch_uid="hubro_audit_login")
def _logged_in(sender, request, user, **kwargs):
    from .models import PendingJoin

    PendingJoin.objects.filter(person=user).delete()
    record(
        user, "person.login", user, changes={"ip": client_ip(request), "method": _method(request)}
    )


@receiver(auth_signals.user_logged_out, dispatch_uid="hubro_audit_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None and user.pk:
        record(user, "person.logout", user, changes={"ip": client_ip(request)})


@receiver(account_signals.login_code_rejected, dispatch_uid="hubro_audit_code_rejected")
def _code_rejected(sender, request, user, **kwargs):
    record(None, "person.login_failed", user, changes={"ip": client_ip(request), "method": "code"})


@receiver(mfa_signals.authentication_failed, dispatch_uid="hubro_audit_mfa_failed")
def _mfa_failed(sender, user, **kwargs):
    request = kwargs.get("request")
    record(None, "person.login_failed", user, changes={"ip": client_ip(request), "method": "mfa"})


@receiver(mfa_signals.authenticator_added, dispatch_uid="hubro_audit_mfa_added")
def _factor_added(sender, request, user, authenticator, **kwargs):
    record(user, "authenticator.create", authenticator, changes={"type": authenticator.type})


@receiver(mfa_signals.authenticator_removed, dispatch_uid="hubro_audit_mfa_removed")
def _factor_removed(sender, request, user, authenticator, **kwargs):
    record(user, "authenticator.delete", authenticator, changes={"type": authenticator.type})


@receiver(mfa_signals.authenticator_reset, dispatch_uid="hubro_audit_mfa_reset")
def _factor_reset(sender, request, user, authenticator, **kwargs):
    record(user, "authenticator.reset", authenticator, changes={"type": authenticator.type})


@receiver(account_signals.password_changed, dispatch_uid="hubro_audit_password_changed")
@receiver(account_signals.password_set, dispatch_uid="hubro_audit_password_set")
def _password_changed(sender, request, user, **kwargs):
    record(user, "person.password_change", user, changes={"ip": client_ip(request)})


@receiver(account_signals.password_reset, dispatch_uid="hubro_audit_password_reset")
def _password_reset(sender, request, user, **kwargs):
    record(user, "person.password_reset", user, changes={"ip": client_ip(request)})
