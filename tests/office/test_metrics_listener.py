"""The metrics listener: its own socket beside the service's, in one server, behind a token
when one is set; the service's port never answers /metrics."""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import requests
import uvicorn

from office.app import create_app
from office.metrics import OfficeMetrics
from office.metrics_listener import ByListener, metrics_app
from office.settings import OfficeSettings
from office.store import CaseStore
from tests.office.office_server import RECEIVED

TOKEN = "c2VjcmV0LW1ldHJpY3MtdG9rZW4tZm9yLXRlc3Rz"


def loopback_socket() -> socket.socket:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    return listener


@pytest.fixture
def urls(settings: OfficeSettings, store: CaseStore) -> Iterator[tuple[str, str]]:
    """(the service's URL, the metrics listener's URL), one uvicorn server for both."""
    service, scrape = loopback_socket(), loopback_socket()
    port = scrape.getsockname()[1]
    settings = dataclasses.replace(settings, metrics_port=port, metrics_token=TOKEN)
    metrics = OfficeMetrics(store, lambda: RECEIVED, settings.stale_kiosk_after_s)
    app = ByListener(
        create_app(settings, store, lambda: RECEIVED, metrics),
        port,
        metrics_app(settings, metrics, store),
    )
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="off"))
    thread = threading.Thread(target=server.run, args=([service, scrape],), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.01)
    yield (f"http://127.0.0.1:{service.getsockname()[1]}", f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(10)
    service.close()
    scrape.close()


def test_metrics_answer_on_their_own_listener_with_the_token(
    urls: tuple[str, str], http: requests.Session
) -> None:
    service, scrape = urls
    assert http.get(scrape + "/metrics", timeout=10).status_code == 401
    wrong = {"Authorization": "Bearer " + TOKEN[:-1] + "x"}
    assert http.get(scrape + "/metrics", headers=wrong, timeout=10).status_code == 401
    right = {"Authorization": "Bearer " + TOKEN}
    reply = http.get(scrape + "/metrics", headers=right, timeout=10)
    assert reply.status_code == 200
    assert 'office_cases{state="received"} 0.0' in reply.text
    assert http.get(scrape + "/healthz", headers=right, timeout=10).status_code == 204
    # The service's port: no metrics; its own health check and pages as ever.
    assert http.get(service + "/metrics", headers=right, timeout=10).status_code == 404
    assert http.get(service + "/healthz", timeout=10).status_code == 204
    page = http.get(scrape + "/s/K7P4MX9RCA", headers=right, timeout=10)
    assert (page.status_code, page.text) == (404, "Not Found")  # not the status page
