from django.core.management.base import BaseCommand, CommandError

from intlinks.health import broker_problem, database_problem


class Command(BaseCommand):
    help = "Check that the database and the Celery broker answer; one line per problem."

    def handle(self, *args, **options):
        problems = [problem for problem in (database_problem(), broker_problem()) if problem]
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write("Database and Celery broker answer.")
