from django.core.management.base import BaseCommand, CommandError

from intlinks.health import service_checks


class Command(BaseCommand):
    help = (
        "Check that the database takes a write, the Celery broker a message and a worker beats; "
        "one line per problem."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--start-up",
            action="store_true",
            help="before migrate and the worker: the database need only answer; no worker heartbeat",
        )

    def handle(self, *args, start_up=False, **options):
        checks = service_checks(start_up=start_up)
        problems = [check.problem for check in checks if not check.ok]
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write(", ".join(check.part for check in checks) + ": ok")
