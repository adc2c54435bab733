from django.utils import translation

from hubro.core.actions import issue_api_token
from hubro.core.commands import HubroCommand
from hubro.core.errors import Invalid
from hubro.core.models import Person


class Command(HubroCommand):
    help = "API tokens. `hubro token create EMAIL` prints a new bearer token for a person."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        create = sub.add_parser("create", help="Print a new API token for an existing person")
        create.add_argument("email")
        create.add_argument("--name", default="", help="a label, e.g. the client's name")

    def handle(self, *args, **options):
        translation.activate("en")
        person = Person.objects.filter(email__iexact=options["email"].strip()).first()
        if person is None:
            raise Invalid(f"No person has the email {options['email']}", code="unknown_person")
        self.stdout.write(issue_api_token(person, name=options["name"]))
