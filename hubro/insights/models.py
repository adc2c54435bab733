"""insights models; see the app docstring in apps.py."""
