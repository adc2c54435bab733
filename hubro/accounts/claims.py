"""The employer in an identity provider's claims.

- Ansattporten returns the organisation chosen in its picker in the
  ``authorization_details`` claim: for the type ``ansattporten:altinn:resource`` in
  ``authorized_parties[].orgno.ID``, for ``ansattporten:altinn:service`` in
  ``reportees[].ID``, both as ``0192:<orgnr>`` (ISO 6523 code 0192 is the Norwegian
  register), with the name beside it.
- Microsoft Entra ID names the tenant in ``tid``.
- Another provider names the organisation number or tenant in a configured claim."""

from dataclasses import dataclass

ISO6523_NO = "0192:"


@dataclass(frozen=True)
class Employer:
    kind: str  # "orgnr" or "tenant"
    value: str
    name: str = ""


def merged_claims(extra_data: dict) -> dict:
    """allauth keeps the ID token and the userinfo answer apart; the ID token wins."""
    if "id_token" in extra_data or "userinfo" in extra_data:
        return {**(extra_data.get("userinfo") or {}), **(extra_data.get("id_token") or {})}
    return dict(extra_data)


def _orgnr(identifier) -> str:
    value = str(identifier or "").strip()
    if value.startswith(ISO6523_NO):
        value = value[len(ISO6523_NO) :]
    return value.replace(" ", "")


def ansattporten_employers(claims: dict) -> list[Employer]:
    """Every organisation in the ``authorization_details`` of an Ansattporten token."""
    details = claims.get("authorization_details") or []
    if isinstance(details, dict):
        details = [details]
    found = []
    for detail in details:
        if not isinstance(detail, dict):
            continue
        for party in detail.get("authorized_parties") or []:
            orgno = party.get("orgno") or {}
            if isinstance(orgno, dict) and orgno.get("ID"):
                found.append(Employer("orgnr", _orgnr(orgno["ID"]), str(party.get("name", ""))))
        for reportee in detail.get("reportees") or []:
            if isinstance(reportee, dict) and reportee.get("ID"):
                found.append(
                    Employer("orgnr", _orgnr(reportee["ID"]), str(reportee.get("Name", "")))
                )
    return found


def employer(kind: str, claims: dict, *, org_claim: str = "", org_kind: str = "orgnr"):
    """The employer named by the claims of a provider of ``kind``, or None."""
    if kind == "ansattporten":
        employers = ansattporten_employers(claims)
        return employers[0] if employers else None
    if kind == "entra":
        tid = claims.get("tid")
        return Employer("tenant", str(tid)) if tid else None
    value = claims.get(org_claim) if org_claim else None
    if isinstance(value, list):
        value = value[0] if value else None
    if not value:
        return None
    if org_kind == "orgnr":
        return Employer("orgnr", _orgnr(value))
    return Employer("tenant", str(value))
