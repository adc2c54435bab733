"""The handbook's pages: search and filters by GET, writing with field errors, the
"starting a new hub" page, the export and the menu entry."""

import pytest
from django.test import Client

from hubro.handbook.models import Lesson
from hubro.programme.criteria import Barrier, Criterion

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_as():
    def make(person):
        client = Client()
        client.force_login(person)
        return client

    return make


def test_writing_needs_sign_in_but_visitors_read_published_lessons(write, vera):
    for url in ["/handbok/ny/", "/handbok/ny-hub/", "/handbok/mine-utkast/"]:
        response = Client().get(url)
        assert response.status_code == 302 and "/logg-inn/" in response["Location"], url
    lesson = write(vera, title="Delt med alle")
    draft = write(vera, title="Bare mitt utkast", publish=False)
    visitor = Client()
    for url in ["/handbok/", "/handbok/eksport/", f"/handbok/{lesson.pk}/"]:
        page = visitor.get(url).content.decode()
        assert "Delt med alle" in page, url
        assert "Bare mitt utkast" not in page, url
        # The author's name is for those signed in.
        assert "Vera Vert" not in page, url
    assert visitor.get(f"/handbok/{draft.pk}/").status_code == 404


def test_search_by_get_finds_inflected_forms_and_filters_narrow(write, vera, kari, client_as):
    write(
        vera,
        title="Alle betaler",
        advice="Lag en finansiering alle bidrar til.",
        theme=Lesson.Theme.FINANCING,
        phase=Lesson.Phase.OPERATION,
    )
    write(
        vera,
        title="Kontoret brukes",
        advice="Mål bruken og finansiering fra start.",
        theme=Lesson.Theme.CO_LOCATION,
    )
    client = client_as(kari)
    page = client.get("/handbok/", {"q": "finansieringen"}).content.decode()
    assert "Alle betaler" in page and "Kontoret brukes" in page
    assert "2 treff for «finansieringen»" in page
    page = client.get("/handbok/", {"q": "finansieringen", "theme": "financing"}).content.decode()
    assert "Alle betaler" in page and "Kontoret brukes" not in page
    page = client.get("/handbok/", {"phase": "operation"}).content.decode()
    assert "Alle betaler" in page and "Kontoret brukes" not in page
    # A bad filter value is ignored, not an error; the words still count.
    response = client.get("/handbok/", {"q": "finansieringen", "theme": "nonsense"})
    assert response.status_code == 200
    assert "2 treff for «finansieringen»" in response.content.decode()


def test_writing_without_a_title_shows_field_errors_and_saves_nothing(kari, client_as):
    response = client_as(kari).post("/handbok/ny/", {"summary": "", "theme": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="id_title-error"' in page and 'id="id_theme-error"' in page
    assert 'aria-invalid="true"' in page
    assert not Lesson.objects.exists()


def form_data(**extra):
    return {
        "title": "Mål bruken fra dag én",
        "summary": "Tell bruk fra første dag.",
        "context": "Ingen visste hvor mye kontoret ble brukt.",
        "tried": "Vi innførte booking av alle plasser.",
        "outcome": "Tallene viste hvem som kom.",
        "advice": "Start målingen før åpningen.",
        "theme": "learning",
        "phase": "pre_project",
        **extra,
    }


def test_publishing_from_the_form_needs_the_right_and_shows_why(kari, client_as):
    response = client_as(kari).post("/handbok/ny/", form_data(publish="1"))
    assert response.status_code == 422
    assert (
        "Bare verter, koordinatorer og administratorer kan publisere." in response.content.decode()
    )
    assert not Lesson.objects.exists()
    response = client_as(kari).post("/handbok/ny/", form_data(draft="1"))
    lesson = Lesson.objects.get()
    assert response["Location"] == f"/handbok/{lesson.pk}/"
    assert (lesson.author, lesson.status) == (kari, "draft")


def test_a_host_saves_and_publishes_at_once_and_an_incomplete_one_gets_a_field_error(
    vera, client_as
):
    client = client_as(vera)
    response = client.post("/handbok/ny/", form_data(advice="", publish="1"))
    assert response.status_code == 422
    assert 'id="id_advice-error"' in response.content.decode()
    response = client.post("/handbok/ny/", form_data(publish="1"))
    lesson = Lesson.objects.get()
    assert lesson.is_published
    response = client.post(f"/handbok/{lesson.pk}/rediger/", form_data(title="Ny tittel"))
    lesson.refresh_from_db()
    assert (response.status_code, lesson.title) == (302, "Ny tittel")


def test_the_new_hub_page_collects_starting_lessons_and_the_checklist(
    write, vera, kari, client_as
):
    write(vera, title="Forankre i IPR", theme=Lesson.Theme.ANCHORING)
    write(vera, title="Rapport fra forprosjektet", phase=Lesson.Phase.PRE_PROJECT)
    write(vera, title="Faglunsj om KI", theme=Lesson.Theme.LEARNING, phase=Lesson.Phase.OPERATION)
    page = client_as(kari).get("/handbok/ny-hub/").content.decode()
    assert "Forankre i IPR" in page and "Rapport fra forprosjektet" in page
    assert "Faglunsj om KI" not in page
    assert page.index("Rapport fra forprosjektet") < page.index("Forankre i IPR")  # newest first
    for label in [*Criterion.labels, *Barrier.labels]:
        assert str(label) in page
    assert page.count('<li><p class="ds-paragraph"><strong>') == 15


def test_the_export_groups_by_theme_with_contents_and_sources_as_text(
    write, vera, kari, hub, client_as
):
    write(vera, title="Alle betaler", theme=Lesson.Theme.FINANCING, hub=hub)
    write(vera, title="Felles retning", theme=Lesson.Theme.SHARED_GOALS)
    response = client_as(kari).get("/handbok/eksport/")
    page = response.content.decode()
    assert response.status_code == 200
    # Themes in the handbook's order: shared goals before financing.
    assert page.index('id="theme-shared_goals"') < page.index('id="theme-financing"')
    assert 'href="#lesson-' in page and "@media print" in page
    assert "Testlab: http://testserver/huber/testlab/" in page
    download = client_as(kari).get("/handbok/eksport/", {"download": "1"})
    assert download["Content-Disposition"].startswith('attachment; filename="hubro-handbok-')


def test_the_menu_has_handbook_for_signed_in_people(kari, client_as):
    page = client_as(kari).get("/handbok/").content.decode()
    assert '<a class="ds-link" href="/handbok/" aria-current="page">Håndbok</a>' in page


@pytest.mark.parametrize(
    ("language", "written", "wrong"),
    [("nb", "2. juni 2025", None), ("en", "2 June 2025", "2. June 2025")],
)
def test_publication_dates_are_written_as_the_language_writes_them(
    client_as, write, vera, kari, settings, language, written, wrong
):
    import datetime as dt

    from django.utils import timezone

    lesson = write(vera, title="Alle betaler inn")
    day = timezone.make_aware(dt.datetime(2025, 6, 2, 12, 0))
    Lesson.objects.filter(pk=lesson.pk).update(published_at=day)
    client = client_as(kari)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for url in ("/handbok/", f"/handbok/{lesson.pk}/", "/handbok/eksport/"):
        page = client.get(url).content.decode()
        assert written in page, (url, language)
        assert not wrong or wrong not in page, url
