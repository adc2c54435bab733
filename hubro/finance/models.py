"""finance models; see the app docstring in apps.py."""
