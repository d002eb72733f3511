"""The accept limit: a window of six 10-second buckets, one count for every worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from captive_portal.ratelimit import AcceptLimiter
from tests.captive_portal.portal_server import FakeClock

START = 1_800_000_000.0  # the start of a 10-second bucket


def limiter(tmp_path: Path, clock: FakeClock, limit: int = 4, rows: int = 4096) -> AcceptLimiter:
    return AcceptLimiter(limit, clock, tmp_path / "limits.bin", rows=rows)


def test_the_limit_counts_the_last_minute(tmp_path: Path) -> None:
    clock = FakeClock(START)
    limits = limiter(tmp_path, clock)
    assert [limits.wait_seconds("10.0.0.1") for _ in range(2)] == [0, 0]
    clock.advance(30)
    assert [limits.wait_seconds("10.0.0.1") for _ in range(2)] == [0, 0]
    clock.advance(25)  # t = 55: four in the window
    assert limits.wait_seconds("10.0.0.1") == 5  # the first two leave it at t = 60
    assert limits.wait_seconds("10.0.0.2") == 0  # another address has its own count
    clock.advance(5)
    assert [limits.wait_seconds("10.0.0.1") for _ in range(3)] == [0, 0, 30]
    clock.advance(600)
    assert limits.wait_seconds("10.0.0.1") == 0  # long gone: the row starts over
    limits.close()


def test_refused_attempts_are_not_counted(tmp_path: Path) -> None:
    clock = FakeClock(START)
    limits = limiter(tmp_path, clock, limit=1)
    assert limits.wait_seconds("fd00::1") == 0
    for _ in range(50):
        assert limits.wait_seconds("fd00::1") == 60
    clock.advance(60)
    assert limits.wait_seconds("fd00::1") == 0
    limits.close()


def test_two_workers_share_one_count(tmp_path: Path) -> None:
    clock = FakeClock(START)
    first, second = limiter(tmp_path, clock), limiter(tmp_path, clock)
    allowed = [(first if n % 2 else second).wait_seconds("10.0.0.9") == 0 for n in range(10)]
    assert allowed.count(True) == 4
    first.close()
    second.close()


def test_a_full_table_gives_up_the_row_counted_longest_ago(tmp_path: Path) -> None:
    clock = FakeClock(START)
    limits = limiter(tmp_path, clock, limit=1, rows=8)
    assert limits.wait_seconds("10.0.0.1") == 0
    clock.advance(10)
    for n in range(2, 40):  # many other addresses, all in a newer bucket
        assert limits.wait_seconds(f"10.0.1.{n}") == 0
    assert limits.wait_seconds("10.0.1.39") > 0  # the newest are still counted
    assert limits.wait_seconds("10.0.0.1") == 0  # its row was given up: counted afresh
    limits.close()


@pytest.mark.attack(9)
def test_ipv6_counts_per_64_so_privacy_addresses_share_one_limit(tmp_path: Path) -> None:
    """Attack 9 of issue 13: a phone makes new IPv6 privacy addresses at will, all in its /64."""
    clock = FakeClock(START)
    limits = limiter(tmp_path, clock, limit=3)
    assert [limits.wait_seconds(f"2001:db8:1:2::{n:x}") for n in range(1, 4)] == [0, 0, 0]
    assert limits.wait_seconds("2001:db8:1:2:a1b2:c3d4:e5f6:789") == 60
    assert limits.wait_seconds("2001:db8:1:3::1") == 0  # the next /64 is another client
    assert limits.wait_seconds("::ffff:10.0.0.1") == 0  # IPv4 through a dual-stack socket:
    assert limits.wait_seconds("10.0.0.2") == 0  # still one count per address
    limits.close()
