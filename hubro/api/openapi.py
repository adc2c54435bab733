"""The OpenAPI schema names every status an operation can answer.

The resources declare their success answers (and some errors). The errors that every
request can meet come from the layers around them (``hubro.api.guard``, the token
check, the exception handlers in ``hubro.api.urls``), so they are added here to every
operation, in one place, with the shared ``{code, detail}`` shape:

- 401 where a token is needed; 404 (a thing named in the path or the query, or the
  data an answer needs, is not there or not yours);
- 409 on writes (a conflict); 413 where a body is taken; 422 for any input;
- 429 (rate limit), 500 and 503 (database down or busy) everywhere."""

from functools import wraps

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "code": {"type": "string", "title": "Code"},
        "detail": {"type": "string", "title": "Detail"},
    },
    "required": ["code", "detail"],
}
DESCRIPTIONS = {
    "401": "No token, or a bad one (`unauthorized`)",
    "404": "Not found, or not yours (`not_found`)",
    "409": "Conflicts with what is there (`conflict`, …)",
    "413": "The body is larger than the limit (`too_large`)",
    "422": "Invalid input or a rule says no (`invalid`, …)",
    "429": "Too many requests; see `Retry-After` (`rate_limited`)",
    "500": "An error of ours, logged (`server_error`)",
    "503": "The database is down or busy; see `Retry-After` (`unavailable`)",
}
WRITES = {"post", "put", "patch", "delete"}


def statuses_for(method: str, path: str, operation: dict) -> list[str]:
    statuses = ["404", "422", "429", "500", "503"]
    if operation.get("security"):
        statuses.append("401")
    if method in WRITES:
        statuses.append("409")
    if method in {"post", "put", "patch"}:
        statuses.append("413")
    return statuses


def add_error_responses(schema: dict) -> dict:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", ERROR_SCHEMA)
    reference = {"$ref": "#/components/schemas/Error"}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete", "head", "options"}:
                continue
            responses = operation.setdefault("responses", {})
            for status in statuses_for(method, path, operation):
                responses.setdefault(
                    status,
                    {
                        "description": DESCRIPTIONS[status],
                        "content": {"application/json": {"schema": reference}},
                    },
                )
    return schema


def document_errors(api) -> None:
    """Wrap ``api.get_openapi_schema`` so that the served schema lists the errors."""
    original = api.get_openapi_schema

    @wraps(original)
    def get_openapi_schema(*args, **kwargs):
        return add_error_responses(original(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
