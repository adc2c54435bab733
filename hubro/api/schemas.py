"""Shapes shared by the API's resources."""

from ninja import Schema


class ErrorOut(Schema):
    code: str
    detail: str


class MunicipalityOut(Schema):
    number: str
    name: str


class RegionOut(Schema):
    slug: str
    name: str
