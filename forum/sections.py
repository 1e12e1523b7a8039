"""What the forum adds to the menu and to pages of the apps below it (registered in `ready`)."""

from django.utils.translation import gettext_lazy as _

from municipalities.registry import profile_sections
from network.privacy import register_data_exporter
from network.registry import main_menu

from .privacy import export_forum_data

main_menu.register("forum", _("Forum"), "forum:index", order=50)
profile_sections.register("forum", "forum/includes/municipality_section.html", order=30)
register_data_exporter("forum", export_forum_data)
