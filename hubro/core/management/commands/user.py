from django.utils import translation

from hubro.core.actions import create_person, get_organization_by_orgnr
from hubro.core.commands import HubroCommand


class Command(HubroCommand):
    help = "Manage people. `hubro user create EMAIL --org ORGNR [--name NAME] [--password PW]`"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        create = sub.add_parser("create", help="Create a person with a member role")
        create.add_argument("email")
        create.add_argument("--org", required=True, help="organisasjonsnummer of the organization")
        create.add_argument("--name", default="")
        create.add_argument("--password", default=None)

    def handle(self, *args, **options):
        translation.activate("en")
        organization = get_organization_by_orgnr(options["org"])
        person = create_person(
            email=options["email"],
            organization=organization,
            name=options["name"],
            password=options["password"],
        )
        self.stdout.write(f"Created {person.email} in {organization.name} ({organization.orgnr})")
