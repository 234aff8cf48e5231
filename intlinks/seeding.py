"""What every app's synthetic seeding shares: the label, the bulk writer with history, dates at random.

Seeding (`manage.py seed_scale`) fills an empty database with a synthetic council for benchmarks and
reporting work. It writes in bulk, bypassing the services, so each app's `seeding` module builds rows
that already satisfy every rule the services would check, and says so in its tests.

History (decided): `bulk_create` skips django-simple-history's signals, so `save_rows` writes every
table's historical rows as well: one "+" row per record, dated the moment it was seeded, with the
reason "Synthetic profile (manage.py seed_scale)" (what `bulk_create_with_history` does, plus writing
back fields the model fills itself on insert). The rule "every model holding council data keeps an
audit history from the day it is created" so holds for seeded rows too. It costs little: the large
profile (about 310,000 records and as many historical rows, plus 90,000 many-to-many rows) takes
70-100 s on the shared 2-core machine, against a budget of five minutes. Not written: the history
of many-to-many fields (an activity's objectives and ways forward, a link's themes, a grant's
activities), whose rows are bulk created straight into their through-tables.
"""

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.db import models
from django.utils import timezone
from simple_history.models import registered_models
from simple_history.utils import get_history_manager_for_model

from intlinks import data_version

# Every seeded record says it is invented.
EXAMPLE_SOURCE = "Example (synthetic profile)"
HISTORY_REASON = "Synthetic profile (manage.py seed_scale)"
BATCH_SIZE = 2000


def save_rows(
    model: type[models.Model],
    rows: Sequence[models.Model],
    *,
    restore: Sequence[str] = (),
    when: datetime | None = None,
) -> list:
    """Insert `rows` in batches, with one historical row each when the model keeps a history.

    The rows get their primary keys (PostgreSQL returns them), so later rows can point at them.
    `restore` names fields the model fills itself on insert (`auto_now_add`) whose seeded value is
    written back, before the history is taken, so that e.g. an action is created before its year.
    """
    rows = list(rows)
    if not rows:
        return rows
    wanted = [[getattr(row, name) for name in restore] for row in rows]
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    data_version.changed()  # bulk_create sends no signal
    if restore:
        for row, values in zip(rows, wanted, strict=True):
            for name, value in zip(restore, values, strict=True):
                setattr(row, name, value)
        model.objects.bulk_update(rows, list(restore), batch_size=BATCH_SIZE)
    if model in registered_models.values():
        get_history_manager_for_model(model).bulk_history_create(
            rows,
            batch_size=BATCH_SIZE,
            default_change_reason=HISTORY_REASON,
            default_date=when or timezone.now(),
        )
    return rows


def save_links(through: type[models.Model], rows: Sequence[models.Model]) -> None:
    """Insert many-to-many rows (a through-table has no history of its own)."""
    through.objects.bulk_create(rows, batch_size=BATCH_SIZE * 5)
    data_version.changed()


def day_between(rng: random.Random, first: date, last: date) -> date:
    """A day from `first` to `last`, both included."""
    return first + timedelta(days=rng.randint(0, max((last - first).days, 0)))


def moment_on(rng: random.Random, day: date) -> datetime:
    """A time in office hours on `day`, in the current time zone."""
    naive = datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59))
    return timezone.make_aware(naive)


def seed_users(count: int, *, role: str) -> list:
    """`count` example accounts in the `role` group, named so nobody takes them for real people.

    Accounts that already exist (from an earlier run in another database state) are reused; new ones
    cannot sign in (no usable password).
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    names = [f"example-{role.lower().replace(' ', '-')}-{n:02d}" for n in range(1, count + 1)]
    existing = {user.username: user for user in User.objects.filter(username__in=names)}
    new = []
    for n, name in enumerate(names, start=1):
        if name not in existing:
            user = User(
                username=name, first_name="Example", last_name=f"{role} {n}", email=f"{name}@example.gov.uk"
            )
            user.set_unusable_password()
            new.append(user)
    User.objects.bulk_create(new)
    users = User.objects.filter(username__in=names).order_by("username")
    Group.objects.get(name=role).user_set.add(*users)
    return list(users)
