"""The Celery application: tasks are thin wrappers, found in each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intlinks.settings")

app = Celery("intlinks")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
