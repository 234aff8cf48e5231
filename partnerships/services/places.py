"""Writes of the register's reference records: partner places, local organisations and contacts."""

from django.db import transaction

from partnerships.models import Contact, Organisation, Place
from partnerships.services.common import validated_save


@transaction.atomic
def place_save(*, place: Place) -> Place:
    """Create or update a partner place."""
    return validated_save(place)


@transaction.atomic
def organisation_save(*, organisation: Organisation) -> Organisation:
    """Create or update a local organisation."""
    return validated_save(organisation)


@transaction.atomic
def contact_save(*, contact: Contact) -> Contact:
    """Create or update a contact; the purpose of holding their details is required."""
    return validated_save(contact)
