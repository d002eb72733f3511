"""Entry point of the bundled `kiosk` program (PyInstaller runs this file as __main__)."""

from ui.launcher import main

raise SystemExit(main())
