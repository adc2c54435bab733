"""``hubro bookingjobs``: the periodic booking work, for cron or a systemd timer."""

from django.tasks.backends.immediate import ImmediateBackend

from hubro.bookings.tasks import release_no_shows_task, send_reminders_task
from hubro.core.commands import HubroCommand


class Command(HubroCommand):
    help = (
        "Release no-shows and queue tomorrow's reminders, once. Run it every few minutes"
        " from cron or a systemd timer. With HUBRO_TASKS=database the work is queued for"
        " `hubro db_worker`; otherwise it runs at once."
    )

    def handle(self, *args, **options):
        for label, job in (
            ("release no-shows", release_no_shows_task),
            ("reminders", send_reminders_task),
        ):
            if isinstance(job.get_backend(), ImmediateBackend):
                # Run in this process, so that an error reaches HubroCommand's one-line
                # report and the exit status, instead of a task result nobody reads.
                ids = job.call()
                what = ", ".join(f"#{pk}" for pk in ids) if ids else "none"
                self.stdout.write(f"{label}: {len(ids)} booking(s) ({what})")
            else:
                result = job.enqueue()
                self.stdout.write(f"{label}: queued as task {result.id}")
