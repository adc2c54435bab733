"""The host's workspace: a hub's day and week with names, booking on a person's behalf,
moving and cancelling, and managing the hub (details, spaces, hours, rules, members,
co-hosts, settings, QR codes and the lobby screen) in Hubro's own pages."""
