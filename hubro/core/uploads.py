"""Checks on uploaded documents, shared by every app that stores files."""

from django.utils.translation import gettext as _

from hubro.core.errors import Invalid

MAX_PDF_BYTES = 10 * 1024 * 1024


def check_pdf(upload, *, field: str = "file", max_bytes: int = MAX_PDF_BYTES) -> None:
    """Refuse anything but a PDF of at most ``max_bytes``: a name ending in .pdf (when the
    upload has a name) and content that starts with ``%PDF-`` (the name alone proves
    nothing). Leaves the file at its start."""
    if upload is None:
        raise Invalid(_("Velg en fil."), code="missing_file", field=field)
    if upload.size > max_bytes:
        raise Invalid(
            _("Filen er for stor (høyst %(mb)d MB).") % {"mb": max_bytes // (1024 * 1024)},
            code="file_too_large",
            field=field,
        )
    name = getattr(upload, "name", "") or ""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-" or (name and not name.lower().endswith(".pdf")):
        raise Invalid(_("Bare PDF-filer kan lastes opp."), code="not_pdf", field=field)
