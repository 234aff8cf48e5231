from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intlinks.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup (manage.py backup) into an empty database and MEDIA_ROOT, after checking every "
        "checksum; --force restores over what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", required=True, type=Path, help="a backup's folder")
        parser.add_argument(
            "--force", action="store_true", help="replace the tables and files that are there already"
        )

    def handle(self, *args, source: Path, force: bool, **options):
        try:
            manifest = restore(source=source, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest.vendor} database and {len(manifest.files)} files from {source}"
        )
