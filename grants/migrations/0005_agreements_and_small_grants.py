

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('grants', '0003_agreements_reports'),
        ('grants', '0004_small_grants'),
    ]

    operations = [
    ]
