import pytest


@pytest.mark.django_db
def test_home_page_renders_in_polish_with_landmarks(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert 'href="#main"' in html
    assert "<main" in html and "<header" in html and "<footer" in html


@pytest.mark.django_db
def test_unknown_path_gets_friendly_404(client):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Nie znaleziono strony</h1>" in html
    assert '<a href="/">Przejdź do strony głównej</a>' in html


@pytest.mark.django_db
def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: " in response.content.decode()
