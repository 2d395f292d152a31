"""The analyst views over HTTP, through a real `readouts serve` with a token (tests/servers.py):
/api/timeline, /api/language, /api/compare and /api/directory in the CLI's --json shapes."""
from __future__ import annotations

import shutil

import pytest

from tests.servers import start_server

TOKEN = "views-token-456"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
WH = "wh-2022-03-26-readout-of-president-bidens-meeting-with-foreign-minister-kuleba-and-defense-minister-reznikov-of-ukraine"
SD = "sd-secretary-blinken-and-secretary-austins-meeting-with-ukraines-foreign-minister-kuleba-and-defense-minister-reznikov"
ROUTES = ["/api/timeline?participant=kuleba", "/api/language?participant=kuleba&topic=grain",
          f"/api/compare?left={WH}&right={SD}", "/api/directory?q=kuleba"]


@pytest.fixture(scope="module")
def server(corpus_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("views") / "index"
    shutil.copytree(corpus_index, folder)
    with start_server(folder, folder.parent, token=TOKEN, headers={}) as client:
        yield client


@pytest.mark.parametrize("path", ROUTES)
def test_every_view_needs_the_token(server, path):
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        assert server.get(path, headers=headers).status_code == 401
    assert server.get(path, headers=AUTH).status_code == 200


def test_timeline_over_http_is_the_python_timeline(server, library):
    from qa.timeline import timeline

    body = server.get("/api/timeline", params={"participant": "Kuleba", "with": "Blinken", "date_from": "2022-03-01",
                                               "date_to": "2022-05-31"}, headers=AUTH).json()
    expected = timeline(library, participant="Kuleba", with_="Blinken", date_from="2022-03-01",
                        date_to="2022-05-31").to_json()
    assert body == expected and body["entries"] and set(body) == {"entries", "by_month"}


def test_compare_language_and_directory(server):
    compared = server.get("/api/compare", params={"left": WH, "right": SD}, headers=AUTH).json()
    assert compared["left"] == WH and compared["right"] == SD
    assert any(p["similarity"] is not None for p in compared["pairs"])
    language = server.get("/api/language", params={"participant": "Kuleba", "topic": "grain"}, headers=AUTH).json()
    assert set(language) == {"topic", "from", "to", "readouts", "phrases"} and language["topic"] == "grain"
    people = server.get("/api/directory", params={"q": "kuleba"}, headers=AUTH).json()["participants"]
    assert people[0]["name"] == "Dmytro Kuleba" and people[0]["counterparts"][0]["name"] == "Antony Blinken"


@pytest.mark.parametrize("path, status, words", [
    ("/api/timeline", 400, "participant"),
    ("/api/timeline?participant=kuleba&date_from=2022-02-30", 400, "date_from"),
    ("/api/compare?left=" + WH, 400, "two readout ids"),
    (f"/api/compare?left={WH}&right=nope", 404, "no readout 'nope'"),
    ("/api/directory?limit=0", 400, "limit"),
])
def test_errors_name_the_field(server, path, status, words):
    response = server.get(path, headers=AUTH)
    assert response.status_code == status and words in response.json()["error"]


def test_wrong_method_is_405(server):
    response = server.post("/api/timeline", headers=AUTH, json={})
    assert response.status_code == 405 and response.headers["allow"].startswith("GET")
