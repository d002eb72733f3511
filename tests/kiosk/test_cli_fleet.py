"""`kiosk fleet build|sign|verify` for the publisher, `pull|status` on the kiosk, end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from offline_cache.signing import generate_private_key
from tests.kiosk.cli_run import run_kiosk
from tests.kiosk.fleet_helpers import GROUP, document, kiosk_toml, signature
from tests.peers.catalogue_server import CatalogueServer

OPTIONS = """\
language = "uk"

[screen]
idle_s = 60

[display]
off_at = "22:00"
on_at = "06:30"
"""


def run(*argv: str) -> tuple[int, str, str]:
    return run_kiosk(*argv)


def test_publisher_builds_signs_and_verifies_a_groups_file(tmp_path: Path) -> None:
    key, options, out = tmp_path / "fleet.pem", tmp_path / "opcje.toml", tmp_path / "grupa.json"
    options.write_text(OPTIONS, encoding="utf-8")
    code, public_key, _ = run("catalogue", "keygen", "--out", str(key))
    assert code == 0
    build = ("fleet", "build", "--group", GROUP, "--from", str(options))
    argv = (*build, "--image-version", "0.1.1", "--out", str(out))
    assert run(*argv, "--issued", "2026-12-06T08:00:00+01:00")[:2] == (
        0,
        f"{out}: group {GROUP}, image 0.1.1, 4 option(s)\n",
    )
    assert run("fleet", "sign", str(out), "--key", str(key))[:2] == (0, f"{out}.sig\n")
    verified = run("fleet", "verify", str(out), "--public-key", public_key.strip())
    assert verified[:2] == (
        0,
        f"{out}: signature good; group {GROUP}, image 0.1.1, 4 option(s), "
        "expires 2027-03-06T07:00:00Z\n",
    )
    out.write_bytes(out.read_bytes().replace(b"22:00", b"23:00"))
    code, _, err = run("fleet", "verify", str(out), "--public-key", public_key.strip())
    assert (code, err) == (
        1,
        f"kiosk: {out}: signature does not match the fleet config (altered or wrong key)\n",
    )


@pytest.mark.parametrize(
    ("options", "extra", "message"),
    [
        ("[screen]\nidle_s = nan\n", (), "opcje.toml: options: 'screen.idle_s' must be a whole"),
        ("[intake]\ntoken = 'x'\n", (), "'intake.token' is not a fleet option"),
        ("[screen\n", (), "opcje.toml: not valid TOML"),
        ("[display]\noff_at = 22:00:00\n", (), "'display.off_at' must be text"),
        (OPTIONS, ("--valid-days", "0"), "--valid-days must be 1 to 3650 (got 0)"),
        (OPTIONS, ("--issued", "2026-12-06 08:00"), "--issued needs its zone"),
    ],
)
def test_build_refuses_bad_options_and_writes_nothing(
    tmp_path: Path,
    options: str,
    extra: tuple[str, ...],
    message: str,
) -> None:
    (tmp_path / "opcje.toml").write_text(options, encoding="utf-8")
    out = tmp_path / "grupa.json"
    argv = ["fleet", "build", "--group", GROUP, "--from", str(tmp_path / "opcje.toml")]
    code, _, err = run(*argv, "--image-version", "0.1.1", "--out", str(out), *extra)
    assert (code, message in err, out.exists()) == (1, True, False)


def test_the_kiosk_pulls_and_reports_what_it_runs_with(
    tmp_path: Path, catalogue_server: CatalogueServer
) -> None:
    url = catalogue_server.base_url + f"/{GROUP}.json"
    config = kiosk_toml(tmp_path, url, extra="[screen]\nidle_s = 120\n")
    body = document({"screen": {"idle_s": 45}, "display": {"off_at": "22:00"}})
    serve(catalogue_server, body, signature(body))
    code, out, _ = run("--config", str(config), "fleet", "status")
    assert (code, out.splitlines()) == (
        0,
        [
            f"fleet config: group {GROUP} from {url}",
            "in use: none yet (the kiosk runs on its own config file)",
            "last pull: none yet",
        ],
    )
    assert run("--config", str(config), "fleet", "pull")[:2] == (
        0,
        f"updated: group {GROUP}: image 0.1.1, 2 option(s); applied at the next start\n",
    )
    # kiosk_id "łańcut-ratusz-1" is folded: http.client sends headers in Latin-1 only.
    assert catalogue_server.requests[0][1]["User-Agent"] == "infomat-kiosk/lancut-ratusz-1"
    forged = document({"screen": {"idle_s": 30}})
    serve(catalogue_server, forged, signature(forged, generate_private_key()))
    assert run("--config", str(config), "fleet", "pull")[:2] == (
        1,
        "failed: signature does not match the fleet config (altered or wrong key)\n",
    )
    code, out, _ = run("--config", str(config), "fleet", "status")
    lines = out.splitlines()
    assert lines[1].startswith("in use: issued ") and "image 0.1.1 for the group" in lines[1]
    assert lines[2:4] == [
        f"  screen.idle_s = 45: {config} sets 120, which wins",
        "  display.off_at = '22:00'",
    ]
    assert lines[4].startswith("last pull: failed at ")
    assert lines[-1] == "refused so far: signature 1"


def test_build_puts_the_bundles_address_in_the_signed_file(tmp_path: Path) -> None:
    options, out = tmp_path / "opcje.toml", tmp_path / "grupa.json"
    options.write_text(OPTIONS, encoding="utf-8")
    url = "https://aktualizacje.example.pl/infomat-kiosk-0.2.0.raucb"
    build = ("fleet", "build", "--group", GROUP, "--from", str(options), "--out", str(out))
    assert run(*build, "--image-version", "0.2.0", "--image-url", url)[0] == 0
    assert json.loads(out.read_bytes())["image_url"] == url
    code, _, err = run(*build, "--image-version", "0.3.0", "--image-url", "https://a:b@x.pl/k")
    assert (code, "'image_url' must not hold a user name or password" in err) == (1, True)
    assert json.loads(out.read_bytes())["image_version"] == "0.2.0"


def test_root_reads_the_groups_image_only_from_a_fleet_config_it_checked_again(
    tmp_path: Path, catalogue_server: CatalogueServer
) -> None:
    config = kiosk_toml(tmp_path, catalogue_server.base_url + f"/{GROUP}.json")
    image = ("--config", str(config), "fleet", "image")
    assert run(*image) == (3, "", "kiosk: the fleet config in use names no image_url\n")
    url = "http://10.0.2.2:8080/infomat-kiosk-0.2.0.raucb"
    body = document({}, image_version="0.2.0", image_url=url)
    serve(catalogue_server, body, signature(body))
    assert run("--config", str(config), "fleet", "pull")[0] == 0
    issued = dt.datetime.fromisoformat(json.loads(body)["issued"].replace("Z", "+00:00"))
    assert run(*image)[:2] == (
        0,
        f"version=0.2.0\nurl={url}\nissued={int(issued.timestamp())}\n",
    )
    # The kiosk's user owns the kept file: one that changed the version there is not believed.
    kept = tmp_path / "data" / "fleet" / "current.json"
    kept.write_text(kept.read_text(encoding="utf-8").replace("0.2.0", "0.0.9"), encoding="utf-8")
    code, out, err = run(*image)
    assert (code, out) == (3, "")
    assert "signature does not match the fleet config" in err


def test_pull_without_a_fleet_url_says_so(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path}"\n', encoding="utf-8")
    assert run("--config", str(config), "fleet", "pull") == (
        2,
        "",
        "kiosk: no fleet.url in the config; nothing to pull\n",
    )
    assert run("--config", str(config), "fleet", "status")[1] == (
        "fleet config: off (no fleet.url in the config)\n"
    )


def serve(server: CatalogueServer, body: bytes, sig: bytes) -> None:
    server.publish(f"/{GROUP}.json", body)
    server.publish(f"/{GROUP}.json.sig", sig)
