from celery import shared_task

from strategy.services import action_reminders_send


@shared_task
def remind_action_owners() -> int:
    """Run daily by beat: e-mails action owners 14 days before each reporting date (quarter end)."""
    return action_reminders_send()
