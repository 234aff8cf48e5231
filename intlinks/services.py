"""Writes that belong to the project as a whole rather than to one domain app."""

from django.utils import timezone

from intlinks.models import WorkerHeartbeat


def worker_heartbeat_record(*, worker: str) -> WorkerHeartbeat:
    """Note that `worker` is alive now, so the health check can say when a worker last ran a task."""
    heartbeat, _ = WorkerHeartbeat.objects.update_or_create(
        worker=worker, defaults={"seen_at": timezone.now()}
    )
    return heartbeat
