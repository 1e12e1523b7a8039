"""Re-index every live practice into a new Elasticsearch index and swap the alias."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from knowledge.search import elastic


class Command(BaseCommand):
    help = "Bulk re-index the practice library into a new Elasticsearch index and swap the alias."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options) -> None:
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL is not set; the database engine needs no index.")
        elastic.rebuild_index(batch_size=batch_size, stdout=self.stdout)
