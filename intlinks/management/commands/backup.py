from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intlinks.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (one snapshot) and MEDIA_ROOT into a new folder, with sha256 per file."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, type=Path, help="a new or empty folder")

    def handle(self, *args, to: Path, **options):
        try:
            manifest = backup(to=to)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the {manifest.vendor} database and {len(manifest.files)} files to {to}")
