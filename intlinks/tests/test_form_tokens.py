"""The one-time form token: claimed once, forgotten once no form could still be posted with it."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from intlinks.models import FormToken
from intlinks.services import FORM_TOKEN_DAYS, form_token_claim, form_tokens_forget
from intlinks.tasks import forget_old_form_tokens

pytestmark = pytest.mark.django_db


def test_a_token_is_claimed_once(officer):
    first, claimed = form_token_claim(key="abc", by=officer)
    again, claimed_again = form_token_claim(key="abc", by=officer)

    assert (claimed, claimed_again) == (True, False)
    assert again.pk == first.pk


def test_the_database_refuses_a_second_row_for_one_token():
    FormToken.objects.create(key="abc", claimed_at=timezone.now())
    with pytest.raises(IntegrityError):
        FormToken.objects.create(key="abc", claimed_at=timezone.now())


def test_old_tokens_are_forgotten_and_recent_ones_kept():
    now = timezone.now()
    FormToken.objects.create(key="old", claimed_at=now - timedelta(days=FORM_TOKEN_DAYS, minutes=1))
    FormToken.objects.create(key="recent", claimed_at=now - timedelta(days=FORM_TOKEN_DAYS, minutes=-1))

    assert form_tokens_forget(now=now) == 1
    assert list(FormToken.objects.values_list("key", flat=True)) == ["recent"]


def test_the_daily_task_forgets_old_tokens(settings):
    FormToken.objects.create(key="old", claimed_at=timezone.now() - timedelta(days=FORM_TOKEN_DAYS + 1))

    assert forget_old_form_tokens() == 1
    assert "forget-old-form-tokens" in settings.CELERY_BEAT_SCHEDULE
