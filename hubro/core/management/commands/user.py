import getpass
import sys

from django.core.management.base import CommandError
from django.utils import translation

from hubro.core.actions import create_person, get_organization_by_orgnr
from hubro.core.commands import HubroCommand


class Command(HubroCommand):
    help = (
        "Manage people. `hubro user create EMAIL --org ORGNR [--name NAME]"
        " [--password-stdin | --no-password]`. The password is asked for (twice) on a"
        " terminal, or read from the first line of standard input with --password-stdin;"
        " without a terminal and without --password-stdin, no password is set;"
        " it is never an argument, which would show in the shell history and process list."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        create = sub.add_parser("create", help="Create a person with a member role")
        create.add_argument("email")
        create.add_argument("--org", required=True, help="organisasjonsnummer of the organization")
        create.add_argument("--name", default="")
        how = create.add_mutually_exclusive_group()
        how.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from the first line of standard input",
        )
        how.add_argument(
            "--no-password",
            action="store_true",
            help="no password: the person signs in with a code or single sign-on",
        )

    def _password(self, options) -> str | None:
        if options["no_password"]:
            return None
        if options["password_stdin"]:
            line = sys.stdin.readline().rstrip("\r\n")
            if not line:
                raise CommandError("No password on standard input", returncode=2)
            return line
        if not sys.stdin.isatty():
            # A provisioning script without a terminal: no password, as before.
            return None
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ; nobody was created", returncode=2)
        return first

    def handle(self, *args, **options):
        translation.activate("en")
        organization = get_organization_by_orgnr(options["org"])
        person = create_person(
            email=options["email"],
            organization=organization,
            name=options["name"],
            password=self._password(options),
        )
        self.stdout.write(f"Created {person.email} in {organization.name} ({organization.orgnr})")
        if not person.has_usable_password():
            self.stdout.write(
                "No password set: the person signs in with a one-time code, single sign-on,"
                " or sets a password through 'Forgot password'."
            )
