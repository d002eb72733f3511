"""Issue 13's attack list on the portal, scored: ./dev attacks.

Runs every test marked `attack(n)` (pytest -m attack) and prints, per attack, how many of
its tests passed; an attack counts as closed when all of its tests ran and passed. Tests
that need root and network namespaces (attacks 3-5) are skipped, with pytest's reason,
where the machine lacks them, and the attack then counts as not run. Exit status 0 only
when every attack of the list is closed.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Any

import pytest

ATTACKS = {
    1: "256 MB of headers on one connection",
    2: "silent and dribbling connections",
    3: "an old MAC online after logout or idle timeout",
    4: "another device online through a splash loaded with its MAC",
    5: "the firewall passing by IP or by MAC alone",
    6: "a token of non-ASCII digits: 500 and a traceback",
    7: "client addresses in the log",
    8: "metrics and health for every client; data files readable by all",
    9: "IPv6 privacy addresses around the accept limit",
}


class Score:
    """A pytest plugin: the outcome of each attack's tests."""

    def __init__(self) -> None:
        self.attack_of: dict[str, list[int]] = {}
        self.outcomes: dict[int, list[str]] = defaultdict(list)

    def pytest_collection_modifyitems(self, items: list[Any]) -> None:
        for item in items:
            self.attack_of[item.nodeid] = [m.args[0] for m in item.iter_markers("attack")]

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.when == "call" or report.outcome != "passed":
            for attack in self.attack_of.get(report.nodeid, []):
                self.outcomes[attack].append(report.outcome)


def closed(outcomes: list[str]) -> bool:
    return bool(outcomes) and all(outcome == "passed" for outcome in outcomes)


def verdict_of(outcomes: list[str]) -> str:
    if closed(outcomes):
        return "closed"
    if not outcomes:
        return "NOT RUN"
    return "NOT RUN (skipped)" if set(outcomes) <= {"passed", "skipped"} else "OPEN"


def main(argv: list[str]) -> int:
    score = Score()
    status = pytest.main(["-m", "attack", "-q", "-p", "no:cacheprovider", *argv], plugins=[score])
    print(f"\n{'attack':<71} passed")
    for number, name in ATTACKS.items():
        outcomes = score.outcomes.get(number, [])
        passed = outcomes.count("passed")
        verdict = verdict_of(outcomes)
        print(f"{number}. {name:<68} {passed:>3}/{len(outcomes):<3} {verdict}")
    done = sum(closed(score.outcomes.get(number, [])) for number in ATTACKS)
    print(f"score: {done} of {len(ATTACKS)} attacks closed")
    return 0 if done == len(ATTACKS) and status == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
