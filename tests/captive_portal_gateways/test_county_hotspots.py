"""A county's hotspots, as issue 13 asks them tested: two portal instances on one real
PostgreSQL behind a real haproxy, and two real openNDS routers, each in its own network
namespace, handing out the same addresses (the phone behind each is 10.77.0.2).

The routers are registered with `captive-portal gateway add` (each its own faskey, FAS
level 2, and admin token) and send their phones to `/g/NAME/` at the load balancer's front;
the portals answer from the host's loopback, their own gateway the dry run, as a county's
portal that reaches no router's `ndsctl`. Everything a phone does is real traffic from its
namespace: openNDS's redirect, the splash and accept through haproxy, openNDS's login, and
the site beyond the router, which sees each router's own address (each masquerades its LAN).

Last, the same two LANs behind two routers with our nftables rules, each running its own
portal on the same PostgreSQL (`gateway add --kind nftables`): a phone accepting at one
gets online there only, through the sweeps that re-apply lost sessions.
"""

from __future__ import annotations

import http.client
import json
import re
import secrets
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import psycopg
import pytest

from captive_portal.cli import main
from captive_portal.gateways._fas import FasRequest, fas_text
from captive_portal.gateways._fas_aes import encrypt_fas
from captive_portal.gateways.configured import build_gateway
from captive_portal.settings import PortalSettings
from captive_portal.settings_file import load_settings
from tests.captive_portal.portal_process import PortalProcess, running_portal
from tests.captive_portal.portal_server import TEST_SECRET, FakeClock
from tests.captive_portal_gateways.conftest import skip_unless
from tests.peers import county_net, haproxy, opennds_private
from tests.peers.county_net import FRONT_IP, SITE_IP, County, Hotspot
from tests.peers.fas_client import REDIRECTS, follow, get
from tests.peers.netns import Namespace, wait_until
from tests.peers.opennds import OpenNdsConfig
from tests.peers.portal_in_ns import Answer, PortalInNamespace, send, submit_splash
from tests.peers.postgres import PostgresCluster
from tests.peers.web import WebServer, fixed

pytestmark = [pytest.mark.root, pytest.mark.slow]

FRONT_PORT = 80
ROUTERS = ("rynek", "biblioteka")
SITE = f"http://{SITE_IP}/{quote('wiadomości-z-łęcznej')}"
SITE_BODY = "Zażółć gęślą jaźń — the internet".encode()
ROUTER_ADDRESS = f"{county_net.GATEWAY_LAN_IP}:2050"  # the same behind both routers
SESSION_SECONDS = 3600
RETRIES = 20  # a phone retries a page that failed; so do these, 0.1 s apart
FRONT = f"http://{FRONT_IP}:{FRONT_PORT}"


@dataclass(frozen=True)
class Router:
    name: str
    hotspot: Hotspot
    nds: opennds_private.PrivateOpenNds
    faskey: str
    admin_token: str


@dataclass(frozen=True)
class CountyPortal:
    net: County
    routers: tuple[Router, Router]
    instances: tuple[PortalProcess, PortalProcess]
    database_url: str
    site: WebServer


def register(config: Path, capsys: pytest.CaptureFixture[str], name: str) -> tuple[str, str]:
    """(faskey, admin token) as `captive-portal gateway add` printed them."""
    args = ["gateway", "add", name, "--kind", "opennds", "--address", ROUTER_ADDRESS]
    assert main([*args, "--config", str(config)]) == 0
    out = capsys.readouterr().out
    faskey = re.search(r"^    faskey (\w+)$", out, re.MULTILINE)
    token = re.search(r"^    ([\w-]{43})$", out, re.MULTILINE)
    assert faskey is not None and token is not None, out
    return faskey[1], token[1]


@pytest.fixture
def county(
    postgres: PostgresCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[CountyPortal]:
    skip_unless(*opennds_private.REQUIRED_BINARIES, "iptables-legacy-save")
    if shutil.which(haproxy.HAPROXY) is None:
        pytest.skip("haproxy is not installed (./dev test installs it)")
    url = postgres.new_database()
    technician = tmp_path / "technician.toml"
    technician.write_text(f'data_dir = "{tmp_path / "technician"}"\ndatabase_url = "{url}"\n')
    keys = [register(technician, capsys, name) for name in ROUTERS]
    extra = (
        f'database_url = "{url}"\naccepts_per_minute = 100000\n'
        f"session_seconds = {SESSION_SECONDS}\nsession_check_seconds = 1\n"
    )
    try:
        with ExitStack() as stack:
            instances = []
            for name in ("a", "b"):
                (tmp_path / name).mkdir()
                instances.append(stack.enter_context(running_portal(tmp_path / name, extra)))
            net = stack.enter_context(county_net.county())
            site = WebServer(net.internet, 80, fixed(SITE_BODY), host=f"::ffff:{SITE_IP}")
            stack.callback(site.stop)
            upstreams = [haproxy.Upstream(i.port, i.metrics_port) for i in instances]
            stack.enter_context(haproxy.running(FRONT_PORT, upstreams, FRONT_IP, net.internet.name))
            routers = stack.enter_context(start_routers(net, keys))
            yield CountyPortal(net, (routers[0], routers[1]), (instances[0], instances[1]),
                               url, site)  # fmt: skip
            for router in routers:  # if openNDS died, its LAN would have gone out unfiltered
                assert router.nds.is_running() and router.nds.filters(), router.nds.log()[-2000:]
    finally:
        postgres.drop_database(url)


@contextmanager
def start_routers(net: County, keys: list[tuple[str, str]]) -> Iterator[list[Router]]:
    """openNDS on each router, set up with the lines `gateway add` printed for it, and
    sending its phones to the load balancer's front."""
    configs = [
        OpenNdsConfig(faskey, FRONT_IP, FRONT_PORT, f"/g/{name}/", 2, gateway_name=name.title())
        for name, (faskey, _) in zip(ROUTERS, keys, strict=True)
    ]
    with opennds_private.running(list(zip(net.hotspots, configs, strict=True))) as peers:
        for hs, nds in zip(net.hotspots, peers, strict=True):
            nds.add_lease(hs.client_mac(), hs.client_ip)
        yield [
            Router(name, hs, nds, faskey, token)
            for name, hs, nds, (faskey, token) in zip(
                ROUTERS, net.hotspots, peers, keys, strict=True
            )
        ]


def sessions(url: str) -> list[tuple[str, str]]:
    """(gateway, phone address) of every session in the county's store."""
    with psycopg.connect(url) as db:
        return sorted(db.execute("SELECT gateway_id, ip FROM sessions").fetchall())


def splash_url(router: Router) -> str:
    """Where openNDS sends its phone now (the phone asks for a site; it is held back)."""
    first = get(router.hotspot.client, SITE)
    assert first.status in REDIRECTS and first.location is not None, first
    prefix = f"http://{FRONT_IP}:{FRONT_PORT}/g/{router.name}/?fas="
    assert first.location.startswith(prefix), first.location
    return first.location


def reaches_the_site(router: Router) -> bool:
    return online(router.hotspot)


def online(hs: Hotspot) -> bool:
    reply = get(hs.client, SITE)
    return (reply.status, reply.body) == (200, SITE_BODY)


def test_a_phone_accepting_at_one_router_is_online_there_only(county: CountyPortal) -> None:
    rynek, biblioteka = county.routers
    assert rynek.hotspot.client_ip == biblioteka.hotspot.client_ip  # the same phone address

    login = accept(rynek)
    hops = follow(rynek.hotspot.client, login.location or "")
    assert (hops[-1].url, hops[-1].status, hops[-1].body) == (SITE, 200, SITE_BODY)
    assert county.site.requests[-1][1] == rynek.hotspot.wan_ip  # through rynek's router

    assert sessions(county.database_url) == [("rynek", rynek.hotspot.client_ip)]
    assert rynek.nds.authenticated_ips() == [rynek.hotspot.client_ip]
    assert biblioteka.nds.authenticated_ips() == []
    splash_url(biblioteka)  # the same address at the library is still held at the splash
    assert biblioteka.hotspot.wan_ip not in {peer for _, peer in county.site.requests}

    follow(biblioteka.hotspot.client, accept(biblioteka).location or "")
    assert reaches_the_site(biblioteka) and reaches_the_site(rynek)
    assert county.site.requests[-2][1] == biblioteka.hotspot.wan_ip
    assert sessions(county.database_url) == [
        ("biblioteka", biblioteka.hotspot.client_ip),
        ("rynek", rynek.hotspot.client_ip),
    ], "one router's phone overwrote the other's session"
    macs = {rynek.hotspot.client_mac(), biblioteka.hotspot.client_mac()}
    for instance in county.instances:  # DEBUG, and still no phone's address or MAC
        assert not {rynek.hotspot.client_ip, *macs} & set(re.findall(r"[\w:.]+", instance.log()))


def test_kill_9_of_one_instance_amid_accepts_loses_no_session(county: CountyPortal) -> None:
    """Phones at both routers accept through the load balancer while one instance is killed
    with SIGKILL: each accept answered is in the store, each real phone answered gets
    online at its own router, and the other instance answers the splash and the probes."""
    (first, second), url = county.instances, county.database_url
    answered: dict[tuple[str, str], int] = {}  # (router, phone) -> the accept's status
    after_kill: list[float] = []  # when accepts were answered after it
    online: list[tuple[str, int, bool]] = []  # (router, round, on the site after its login)
    started = threading.Event()

    def remote_phone(n: int) -> None:
        router = county.routers[n % 2]
        if n == 16:
            started.set()
        phone = f"10.77.1.{n // 2 + 2}"  # each address at both routers
        answered[(router.name, phone)] = remote_accept(county.net, router, phone)
        if first.process.poll() is not None:
            after_kill.append(time.monotonic())

    def real_phone(router: Router) -> None:
        for round_ in range(3):
            if round_:
                log_out(county, router)
            login = accept(router)
            assert (router.name, router.hotspot.client_ip) in sessions(url), "a 303 not stored"
            follow(router.hotspot.client, login.location or "")
            online.append((router.name, round_, reaches_the_site(router)))

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(real_phone, router) for router in county.routers]
        futures += [pool.submit(remote_phone, n) for n in range(60)]
        assert started.wait(20)
        first.process.send_signal(signal.SIGKILL)  # in the middle of accepts: no shutdown
        killed_at = time.monotonic()
        for future in futures:
            future.result()
    assert first.process.wait(5) == -signal.SIGKILL

    assert set(answered.values()) == {303}, {k: v for k, v in answered.items() if v != 303}
    assert set(answered) <= set(sessions(url)), "an answered accept was lost"
    assert len(after_kill) >= 20, "the instance was killed after the burst, not amid it"
    assert "client accepted terms" in first.log()  # it had its share before it died
    assert sorted(online) == [(r, n, True) for r in sorted(ROUTERS) for n in range(3)]
    for router in county.routers:  # after the kill, at the other instance alone
        log_out(county, router)
        follow(router.hotspot.client, accept(router).location or "")
        assert reaches_the_site(router)
        assert router.nds.authenticated_ips() == [router.hotspot.client_ip]
        probe = send(router.hotspot.client, "GET", f"{FRONT}/generate_204")
        assert probe.status == 302  # not online in the portal's eyes: asked through haproxy
    assert second.process.poll() is None
    print(f"\n{len(answered)} remote and 6 real accepts, one instance killed amid them: "
          f"{len(after_kill)} answered after it, the last {max(after_kill) - killed_at:.1f} s "
          "after")  # fmt: skip


def remote_accept(net: County, router: Router, phone: str) -> int:
    """A phone of `router` that the test's fas names (under the router's key), its splash
    and accept sent through the load balancer as the router's NAT sends them; the accept's
    status, 0 when no try got an answer."""
    request = FasRequest(
        hid=secrets.token_hex(32), clientip=phone, clientmac=random_mac(),
        gatewayaddress=ROUTER_ADDRESS, gatewaymac="aa:bb:cc:00:77:01",
        gatewayname=router.name.capitalize(),
    )  # fmt: skip
    iv = secrets.token_hex(8)
    query = urlencode({"fas": encrypt_fas(fas_text(request), iv, router.faskey), "iv": iv})
    return splash_and_accept(net.internet, f"{FRONT}/g/{router.name}/?{query}").status


def random_mac() -> str:
    return ":".join(f"{byte:02x}" for byte in (2, 0x77, *secrets.token_bytes(4)))


def accept(router: Router) -> Answer:
    """The phone's splash and accept through the load balancer, as a browser without
    JavaScript sends them: a 303 to openNDS's login."""
    answer = splash_and_accept(router.hotspot.client, splash_url(router))
    assert answer.status == 303 and answer.location is not None, (answer.status, answer.body)
    assert answer.location.startswith(f"http://{ROUTER_ADDRESS}/opennds_auth/?tok="), answer
    return answer


def splash_and_accept(ns: Namespace, splash: str) -> Answer:
    def once() -> Answer:
        page = send(ns, "GET", splash)
        return submit_splash(ns, page) if page.status == 200 else page

    return retried(once)


def retried(request: Callable[[], Answer]) -> Answer:
    """The answer to `request`, tried again after a failed connection or a 50x, as a phone
    reloads a page that failed; the last answer (status 0: no connection)."""
    for _ in range(RETRIES):
        try:
            answer = request()
        except (OSError, http.client.HTTPException) as error:  # cut off by the kill
            answer = Answer("", 0, None, repr(error))
        if answer.status not in (0, 502, 503, 504):
            return answer
        time.sleep(0.1)
    return answer


def log_out(county: CountyPortal, router: Router) -> None:
    """The router's technician ends its phone's session: in the store with the router's
    admin token (through the load balancer), at the router with its own ndsctl. In between
    the phone is still online: openNDS takes no logout from a remote FAS (docs/gateways.md,
    "A remote openNDS router"), and the portal's answer says so."""
    ip = router.hotspot.client_ip
    call = f"{FRONT}/g/{router.name}/admin/clients/{ip}/deauthorise"
    ended = retried(
        lambda: send(county.net.internet, "POST", call, form={}, headers=bearer(router))
    )
    assert ended.status == 200, ended.body
    answer = json.loads(ended.body)
    assert (answer["ip"], answer["gateway"], answer["session_ended"]) == (ip, router.name, True)
    assert answer["at_router"].startswith("stays online until the router's sessiontimeout")
    assert reaches_the_site(router), "openNDS took the portal's logout after all: see the docs"
    assert router.nds.ndsctl("deauth", ip).returncode == 0
    wait_until(lambda: not reaches_the_site(router), 5.0, f"{router.name} to hold its phone")


def bearer(router: Router) -> dict[str, str]:
    return {"Authorization": f"Bearer {router.admin_token}"}


NFT_PORT = 8080
NFT_ROUTERS = ("park", "zamek")


@pytest.fixture
def nftables_county(
    postgres: PostgresCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[tuple[County, WebServer, str, dict[str, str]]]:
    """Two routers with our nftables rules, each running its own portal (as a router of a
    county would) on one PostgreSQL, registered with `gateway add --kind nftables`."""
    skip_unless("ip", "nft", "iptables-legacy")
    url = postgres.new_database()
    technician = tmp_path / "technician.toml"
    technician.write_text(f'data_dir = "{tmp_path / "technician"}"\ndatabase_url = "{url}"\n')
    address = f"{county_net.GATEWAY_LAN_IP}:{NFT_PORT}"
    tokens = {}
    for name in NFT_ROUTERS:
        args = ["gateway", "add", name, "--kind", "nftables", "--address", address]
        assert main([*args, "--config", str(technician)]) == 0
        out = capsys.readouterr().out
        assert f'    registered_name = "{name}"\n' in out
        token = re.search(r"^    ([\w-]{43})$", out, re.MULTILINE)
        assert token is not None, out
        tokens[name] = token[1]
    try:
        with ExitStack() as stack:
            net = stack.enter_context(county_net.county())
            site = WebServer(net.internet, 80, fixed(SITE_BODY), host=f"::ffff:{SITE_IP}")
            stack.callback(site.stop)
            for name, hs in zip(NFT_ROUTERS, net.hotspots, strict=True):
                settings = nftables_router_settings(tmp_path / name, url, name)
                portal = PortalInNamespace(
                    hs.gateway, settings, build_gateway(settings), FakeClock(time.time())
                )
                stack.callback(portal.stop)
            yield net, site, url, tokens
    finally:
        postgres.drop_database(url)


def nftables_router_settings(folder: Path, url: str, name: str) -> PortalSettings:
    lan = county_net.GATEWAY_LAN_IP
    folder.mkdir()
    (folder / "portal.toml").write_text(
        f'host = "{lan}"\nport = {NFT_PORT}\npublic_url = "http://{lan}:{NFT_PORT}/"\n'
        f'data_dir = "{folder / "data"}"\ndatabase_url = "{url}"\ngateway = "nftables"\n'
        f'session_check_seconds = 1\nconsent_secrets = ["{TEST_SECRET}"]\n'
        f'[nftables]\nlan_interface = "lan0"\nportal_address = "{lan}"\n'
        f'registered_name = "{name}"\n',
        encoding="utf-8",
    )
    return load_settings(folder / "portal.toml")


def nft_log_in(hs: Hotspot) -> None:
    """Browse to the site, get sent to the router's portal, post its form."""
    portal = f"http://{hs.gateway_lan_ip}:{NFT_PORT}/"
    first = send(hs.client, "GET", SITE)
    assert (first.status, first.location) == (302, portal)
    accepted = submit_splash(hs.client, send(hs.client, "GET", portal))
    assert (accepted.status, accepted.location) == (303, "/success?lang=pl")


def held_at_its_portal(hs: Hotspot) -> bool:
    reply = get(hs.client, SITE)
    return (reply.status, reply.location) == (302, f"http://{hs.gateway_lan_ip}:{NFT_PORT}/")


def captive_says(hs: Hotspot) -> object:
    """What the RFC 8908 API of the phone's own router tells it."""
    api = send(hs.client, "GET", f"http://{hs.gateway_lan_ip}:{NFT_PORT}/api/captive")
    return json.loads(api.body)["captive"]


def test_nftables_routers_on_one_store_let_through_only_their_own_phones(
    nftables_county: tuple[County, WebServer, str, dict[str, str]],
) -> None:
    """Without registered names both routers stored their phones under the table's name and
    each router's sweep re-applied the other's sessions: the phone at 10.77.0.2 behind
    'zamek' was online two sweeps after the one behind 'park' accepted."""
    net, site, url, tokens = nftables_county
    park, zamek = net.hotspots
    assert held_at_its_portal(park) and held_at_its_portal(zamek)
    nft_log_in(park)
    wait_until(lambda: online(park), 2.0, "park's phone to get online")
    time.sleep(2.5)  # two sweeps of each router's portal, each a chance to re-apply
    assert held_at_its_portal(zamek), "zamek let through a phone that never accepted"
    assert (captive_says(park), captive_says(zamek)) == (False, True)
    assert sessions(url) == [("park", park.client_ip)]

    nft_log_in(zamek)
    wait_until(lambda: online(zamek), 2.0, "zamek's phone to get online")
    assert online(park)
    assert sessions(url) == [("park", park.client_ip), ("zamek", zamek.client_ip)]
    assert {peer for _, peer in site.requests} == {park.wan_ip, zamek.wan_ip}

    # park's technician ends its phone through zamek's portal: the store alone hears of it,
    # and park's portal takes the phone off its table at its second sweep
    admin = f"http://{zamek.gateway_lan_ip}:{NFT_PORT}/g/park/admin/clients/{park.client_ip}"
    bearer = {"Authorization": f"Bearer {tokens['park']}"}
    ended = send(zamek.gateway, "POST", f"{admin}/deauthorise", form={}, headers=bearer)
    assert (ended.status, json.loads(ended.body)["session_ended"]) == (200, True)
    assert json.loads(ended.body)["at_router"].endswith("own portal within two sweeps")
    took = wait_until(lambda: held_at_its_portal(park), 4.0, "park to take its phone off")
    assert online(zamek) and sessions(url) == [("zamek", zamek.client_ip)]
    print(f"\npark's phone, ended through zamek's portal, held again after {took:.1f} s")
