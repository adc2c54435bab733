"""Checks on uploaded documents and images, shared by every app that stores files."""

import io

from django.utils.translation import gettext as _

from hubro.core.errors import Invalid

MAX_PDF_BYTES = 10 * 1024 * 1024


def _present_and_small(upload, *, field: str, max_bytes: int) -> None:
    if upload is None:
        raise Invalid(_("Velg en fil."), code="missing_file", field=field)
    if upload.size > max_bytes:
        raise Invalid(
            _("Filen er for stor (høyst %(mb)d MB).") % {"mb": max_bytes // (1024 * 1024)},
            code="file_too_large",
            field=field,
        )


def check_pdf(upload, *, field: str = "file", max_bytes: int = MAX_PDF_BYTES) -> None:
    """Refuse anything but a PDF of at most ``max_bytes``: a name ending in .pdf (when the
    upload has a name) and content that starts with ``%PDF-`` (the name alone proves
    nothing). Leaves the file at its start."""
    _present_and_small(upload, field=field, max_bytes=max_bytes)
    name = getattr(upload, "name", "") or ""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-" or (name and not name.lower().endswith(".pdf")):
        raise Invalid(_("Bare PDF-filer kan lastes opp."), code="not_pdf", field=field)


MAX_IMAGE_BYTES = 8 * 1024 * 1024
# Larger images are refused before they are decoded (a small file can unpack to
# gigabytes: a "decompression bomb").
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
IMAGE_SIDE = 1600  # the longest side stored


def clean_image(upload, *, field: str = "photo", max_bytes: int = MAX_IMAGE_BYTES) -> bytes:
    """A photo as a new JPEG, or ``Invalid``. The content decides, not the name: it must
    decode as a JPEG, PNG or WebP image of at most ``MAX_IMAGE_PIXELS``. The image is
    turned upright, scaled to at most ``IMAGE_SIDE`` pixels and encoded anew, which
    drops all metadata (camera, time and GPS position in EXIF) and anything hidden
    beside the picture."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    _present_and_small(upload, field=field, max_bytes=max_bytes)
    not_image = Invalid(
        _("Filen er ikke et bilde Hubro kan bruke. Bruk JPEG, PNG eller WebP."),
        code="not_image",
        field=field,
    )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            if probe.format not in IMAGE_FORMATS:
                raise not_image
            if probe.width * probe.height > MAX_IMAGE_PIXELS:
                raise Invalid(
                    _("Bildet har for mange piksler."), code="image_too_large", field=field
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail((IMAGE_SIDE, IMAGE_SIDE))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85, optimize=True)
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ):
        raise not_image from None
    finally:
        upload.seek(0)
    return out.getvalue()
