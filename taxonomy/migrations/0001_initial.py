"""The vocabularies move here from `knowledge` without touching their rows.

The models take over the existing tables (state only); 0002 then renames the tables. Content
types move along, so permissions and admin history stay attached to the same rows.
"""

from django.db import migrations, models

MOVED = ("theme", "lifedomain", "targetgroup")


def move_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label="taxonomy", model=model).exists():
            content_type.objects.filter(app_label="knowledge", model=model).update(
                app_label="taxonomy"
            )


def move_content_types_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label="knowledge", model=model).exists():
            content_type.objects.filter(app_label="taxonomy", model=model).update(
                app_label="knowledge"
            )


def taxonomy_fields():
    return [
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("name", models.CharField(help_text="The Dutch label.", max_length=120, verbose_name="name (Dutch)")),
        ("name_en", models.CharField(blank=True, help_text="The English label.", max_length=120, verbose_name="name (English)")),
        ("slug", models.SlugField(help_text="Used in URLs.", max_length=120, unique=True, verbose_name="slug")),
        ("description", models.TextField(blank=True, help_text="What it covers.", verbose_name="description")),
        ("sort_order", models.PositiveIntegerField(default=0, help_text="Lower first.", verbose_name="order")),
    ]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("knowledge", "0004_practice_search_row"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LifeDomain",
                    fields=taxonomy_fields(),
                    options={
                        "verbose_name": "life domain",
                        "verbose_name_plural": "life domains",
                        "ordering": ["sort_order", "name"],
                        "abstract": False,
                        "db_table": "knowledge_lifedomain",
                    },
                ),
                migrations.CreateModel(
                    name="TargetGroup",
                    fields=taxonomy_fields(),
                    options={
                        "verbose_name": "target group",
                        "verbose_name_plural": "target groups",
                        "ordering": ["sort_order", "name"],
                        "abstract": False,
                        "db_table": "knowledge_targetgroup",
                    },
                ),
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        *taxonomy_fields(),
                        ("article", models.PositiveSmallIntegerField(help_text="The article number in the convention.", unique=True, verbose_name="article")),
                    ],
                    options={
                        "verbose_name": "theme (CRPD article)",
                        "verbose_name_plural": "themes (CRPD articles)",
                        "ordering": ["article"],
                        "abstract": False,
                        "db_table": "knowledge_theme",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
