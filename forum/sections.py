"""What the forum adds to the menu and to pages of the apps below it (registered in `ready`)."""

from django.utils.translation import gettext_lazy as _

from municipalities.registry import profile_sections
from network.registry import main_menu

main_menu.register("forum", _("Forum"), "forum:index", order=50)
profile_sections.register("forum", "forum/includes/municipality_section.html", order=30)
