"""Running Hubro as a service: health and readiness, metrics, structured logs with a
request id, backups, and the production server (docs/production.md)."""
