"""Organizations, searchable by name or number."""

from ninja import Router, Schema

from hubro.core.queries import search_organizations

router = Router(tags=["organizations"])


class OrganizationOut(Schema):
    orgnr: str
    name: str
    sector: str


@router.get("/organizations", response=list[OrganizationOut])
def list_organizations(request, q: str = ""):
    """Organizations whose name or organisasjonsnummer contains ``q``."""
    return list(search_organizations(q))
