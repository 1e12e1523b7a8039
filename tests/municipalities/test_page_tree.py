"""The municipalities' page tree: one overview under the home page, profiles under it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from municipalities.factories import MunicipalityPageFactory
from municipalities.importer import ensure_index_page
from municipalities.models import MunicipalityIndexPage, MunicipalityPage
from network.models import HomePage, StandardPage


class MunicipalitiesPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = ensure_index_page()
        cls.utrecht = MunicipalityPageFactory(parent=cls.index, title="Utrecht")

    def test_overview_sits_once_under_the_home_page(self):
        self.assertAllowedParentPageTypes(MunicipalityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MunicipalityIndexPage, {MunicipalityPage})
        self.assertCanCreateAt(HomePage, MunicipalityIndexPage)
        for parent in (Page, StandardPage, MunicipalityIndexPage, MunicipalityPage):
            self.assertCanNotCreateAt(parent, MunicipalityIndexPage)
        self.assertFalse(MunicipalityIndexPage.can_create_at(self.index.get_parent()))

    def test_profiles_sit_only_under_the_overview_and_have_no_children(self):
        self.assertAllowedParentPageTypes(MunicipalityPage, {MunicipalityIndexPage})
        self.assertAllowedSubpageTypes(MunicipalityPage, set())
        self.assertCanCreateAt(MunicipalityIndexPage, MunicipalityPage)
        for parent in (Page, HomePage, StandardPage, MunicipalityPage):
            self.assertCanNotCreateAt(parent, MunicipalityPage)

    def test_pages_route_and_render(self):
        for page in (self.index, self.utrecht):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)


def test_factory_codes_stay_valid_after_thousands_of_pages(home_page):
    """A long test process once pushed the sequence to seven characters."""
    code = MunicipalityPageFactory.cbs_code.function(12_345)
    page = MunicipalityPageFactory(parent=ensure_index_page(), cbs_code=code)
    page.full_clean()
    assert page.cbs_code == "GM7345"
