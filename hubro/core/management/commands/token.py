from django.utils import timezone, translation

from hubro.core.actions import issue_api_token, revoke_api_token
from hubro.core.commands import HubroCommand
from hubro.core.errors import Invalid, NotFound
from hubro.core.models import ApiToken, Person


def _person(email: str) -> Person:
    person = Person.objects.filter(email__iexact=email.strip()).first()
    if person is None:
        raise Invalid(f"No person has the email {email}", code="unknown_person")
    return person


def _state(token: ApiToken, now) -> str:
    if token.revoked_at:
        return f"revoked {timezone.localtime(token.revoked_at):%Y-%m-%d %H:%M}"
    if token.expires_at and token.expires_at <= now:
        return f"expired {timezone.localtime(token.expires_at):%Y-%m-%d}"
    if token.expires_at:
        return f"valid until {timezone.localtime(token.expires_at):%Y-%m-%d}"
    return "valid, no expiry"


class Command(HubroCommand):
    help = (
        "API tokens. `hubro token create EMAIL [--name N] [--days D]` prints a new bearer"
        " token; `hubro token list [EMAIL] [--all]` lists tokens; `hubro token revoke ID`"
        " stops one (ID from the list, or the token's prefix)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        create = sub.add_parser("create", help="Print a new API token for an existing person")
        create.add_argument("email")
        create.add_argument("--name", default="", help="a label, e.g. the client's name")
        create.add_argument(
            "--days",
            type=int,
            default=None,
            help="days until it expires (default from HUBRO_API_TOKEN_DAYS)",
        )
        listing = sub.add_parser("list", help="List tokens (usable ones unless --all)")
        listing.add_argument("email", nargs="?")
        listing.add_argument("--all", action="store_true", help="also revoked and expired")
        revoke = sub.add_parser("revoke", help="Revoke a token by id or prefix")
        revoke.add_argument("token", help="the id from `hubro token list`, or the prefix")

    def handle(self, *args, **options):
        translation.activate("en")
        getattr(self, f"_{options['subcommand']}")(options)

    def _create(self, options):
        person = _person(options["email"])
        self.stdout.write(issue_api_token(person, name=options["name"], days=options["days"]))

    def _list(self, options):
        now = timezone.now()
        tokens = ApiToken.objects.select_related("person").order_by("person__email", "-created_at")
        if options["email"]:
            tokens = tokens.filter(person=_person(options["email"]))
        if not options["all"]:
            tokens = tokens.filter(pk__in=ApiToken.objects.usable(now).values("pk"))
        rows = list(tokens)
        if not rows:
            self.stdout.write("No tokens.")
            return
        for token in rows:
            used = (
                f"{timezone.localtime(token.last_used_at):%Y-%m-%d %H:%M}"
                if token.last_used_at
                else "never used"
            )
            self.stdout.write(
                f"{token.pk}\t{token.prefix}…\t{token.person.email}\t{token.name or '-'}\t"
                f"{_state(token, now)}\tlast used: {used}"
            )

    def _revoke(self, options):
        key = options["token"].strip().rstrip("…")
        tokens = ApiToken.objects.filter(pk=int(key)) if key.isdigit() else None
        if tokens is None or not tokens.exists():
            tokens = ApiToken.objects.filter(prefix=key)
        if tokens.count() != 1:
            raise NotFound(f"No single token matches {options['token']!r}", code="unknown_token")
        token = tokens.get()
        if revoke_api_token(token):
            self.stdout.write(
                f"Revoked token {token.pk} ({token.prefix}…) of {token.person.email}"
            )
        else:
            self.stdout.write(f"Token {token.pk} was already revoked")
