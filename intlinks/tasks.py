import socket

from celery import shared_task

from intlinks.services import worker_heartbeat_record


@shared_task(bind=True)
def record_worker_heartbeat(self) -> int:
    """Run by beat every minute: records which worker took the task, and returns the row's id."""
    worker = self.request.hostname or socket.gethostname()
    return worker_heartbeat_record(worker=worker).pk
