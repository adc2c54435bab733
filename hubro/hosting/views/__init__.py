"""The host's pages. Each view fetches the hub through ``access.get_hub_for_host``
(a 404 for anyone who does not host it), parses input, calls one action or query and
renders."""
