"""What `hubro loaddemo` adds for this app (see ``hubro.core.demo.EXTENSIONS``)."""

from hubro.core.demo.base import DemoContext


def build(ctx: DemoContext) -> None:
    """Add this app's demo rows; running it again must change nothing."""
