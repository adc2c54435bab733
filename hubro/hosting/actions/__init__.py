"""Every write of the host's workspace. The web pages and the API call these; each is
atomic and audited, and the booking ones go through ``bookings.actions`` so that the
hub's rules and the overlap guard apply as for anyone else.

- ``bookings``: book on a person's behalf, move, cancel with a reason;
- ``hub``: details, photo, check-in and holiday settings, the lobby screen's secret;
- ``spaces``: create, edit, deactivate and reorder spaces, and their features;
- ``calendar``: opening hours, closed days and booking rules;
- ``members``: member organizations and co-hosts."""
