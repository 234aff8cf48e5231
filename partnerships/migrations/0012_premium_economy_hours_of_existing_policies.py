"""Premium economy in every existing conduct policy: allowed above the policy's business class hours.

No document gives a separate figure (the LGIB handbook names only economy and business class, and
leaves the hours to each council), and until now premium economy was not checked at all. The same hours
as business class is the strictest value the model allows and the one a council has already set for a
step up from economy; the Administrator lowers it where the council's code allows premium economy on
shorter journeys.
"""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models
from django.db.models import F


def premium_economy_as_business_class(apps, schema_editor):
    # The policies and every row of their history: the column becomes NOT NULL in both tables, and a
    # council's database has a history row for each policy it ever saved.
    for model in ("ConductPolicy", "HistoricalConductPolicy"):
        apps.get_model("partnerships", model).objects.filter(premium_economy_min_hours__isnull=True).update(
            premium_economy_min_hours=F("business_class_min_hours")
        )


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0011_conduct_meals_repayment_premium_economy_gift_person")]

    operations = [
        migrations.RunPython(premium_economy_as_business_class, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="conductpolicy",
            name="premium_economy_min_hours",
            field=models.DecimalField(
                decimal_places=1,
                help_text="Premium economy is allowed only for a journey longer than this; at most the "
                "business class hours",
                max_digits=4,
                validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                verbose_name="premium economy allowed above (hours' journey)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalconductpolicy",
            name="premium_economy_min_hours",
            field=models.DecimalField(
                decimal_places=1,
                help_text="Premium economy is allowed only for a journey longer than this; at most the "
                "business class hours",
                max_digits=4,
                validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                verbose_name="premium economy allowed above (hours' journey)",
            ),
        ),
    ]
