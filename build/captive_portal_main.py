"""Entry point of the bundled `captive-portal` program (PyInstaller runs it as __main__)."""

from captive_portal.cli import main

raise SystemExit(main())
