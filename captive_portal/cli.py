"""The `captive-portal` command (the hotspot portal service is built in its own issue)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="captive-portal", description="Captive portal for the municipal Wi-Fi hotspots."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("serve", help="serve the hotspot portal (not in this build yet)")
    parser.parse_args(argv)
    print("captive-portal: the portal service is not part of this build yet", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
