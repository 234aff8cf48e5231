"""The council data's version, and pages' figures kept against it until a record changes (ADR 0022).

The version is a random token in the cache (Redis in production and tests; a folder under var/ in the
embedded default), so that every process sees the same one: gunicorn's workers and the Celery worker.
Each app names the models whose writes change it (`watch`); a write that sends no model signal
(`bulk_create`, a restore) calls `changed` itself.

The token is renewed when a record is written, and again once the write's transaction commits. A page
computed from the data before that commit is stored under a token nobody asks for any more, so a figure
is never served after the records behind it changed. If the cache cannot be reached, figures are
computed afresh on every request (never served from a cache that missed a change), and anything stored
before a missed change expires after `DATA_CACHE_SECONDS` at the latest.
"""

import logging
from collections.abc import Callable
from typing import TypeVar
from uuid import uuid4

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

VERSION_KEY = "council-data-version"
# What a cache that cannot be reached raises: Redis's errors, or the embedded folder's.
CACHE_ERRORS = (RedisError, OSError)

T = TypeVar("T")


def current() -> str:
    """The token of the data as it is now (a new one if the cache had lost it)."""
    return cache.get(VERSION_KEY) or renew()


def renew() -> str:
    token = uuid4().hex
    cache.set(VERSION_KEY, token, timeout=None)
    return token


def changed() -> None:
    """Council data was written: renew the token now and once the transaction commits."""
    try:
        renew()
    except CACHE_ERRORS as error:
        logger.warning(
            "The data version could not be renewed (%s); cached figures expire on their own", error
        )
    transaction.on_commit(renew_quietly)


def renew_quietly() -> None:
    """Renew the token, or log why not (a cache that cannot be reached expires its figures itself)."""
    try:
        renew()
    except CACHE_ERRORS as error:
        logger.warning(
            "The data version could not be renewed (%s); cached figures expire on their own", error
        )


def cached(name: str, compute: Callable[[], T], *parts) -> T:
    """`compute()`'s result for `name` and `parts`, kept until the council's data changes, the day ends
    (figures such as drifting links depend on today) or DATA_CACHE_SECONDS pass."""
    try:
        key = ":".join(str(part) for part in (name, current(), timezone.localdate(), *parts))
        value = cache.get(key)
    except CACHE_ERRORS as error:
        logger.warning("The cache cannot be reached (%s); %s is computed afresh", error, name)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, settings.DATA_CACHE_SECONDS)
        except CACHE_ERRORS as error:
            logger.warning("The cache cannot be reached (%s); %s was not kept", error, name)
    return value


def _on_write(sender, **kwargs) -> None:
    changed()


def watch(app_config: AppConfig) -> None:
    """Renew the version whenever a record of one of the app's models, or one of their many-to-many
    links, is saved or deleted (including through the admin and by cascade)."""
    for model in app_config.get_models():
        if hasattr(model, "instance_type"):
            continue  # a history table: written beside its record, whose own signal renews the version
        uid = f"data-version:{model._meta.label}"
        post_save.connect(_on_write, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(_on_write, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_write, sender=field.remote_field.through, weak=False, dispatch_uid=f"{uid}:{field.name}"
            )
    # A migration may rewrite rows with its own models, which send no signals to the ones above.
    post_migrate.connect(
        _on_write, sender=app_config, weak=False, dispatch_uid=f"data-version:{app_config.label}"
    )
