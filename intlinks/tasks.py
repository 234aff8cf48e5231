import socket

from celery import shared_task

from intlinks.services import form_tokens_forget, security_events_forget, worker_heartbeat_record


@shared_task(bind=True)
def record_worker_heartbeat(self) -> int:
    """Run by beat every minute: records which worker took the task, and returns the row's id."""
    worker = self.request.hostname or socket.gethostname()
    return worker_heartbeat_record(worker=worker).pk


@shared_task
def forget_old_form_tokens() -> int:
    """Run by beat daily: forget form tokens older than any form that could still be posted."""
    return form_tokens_forget()


@shared_task
def forget_old_security_events() -> int:
    """Run by beat daily: the security log keeps SECURITY_LOG_DAYS, then forgets."""
    return security_events_forget()
