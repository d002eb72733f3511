# Infomat: set-up, demo and tests. Each target installs what it needs when it is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages: Python's venv, Qt's offscreen runtime (docs/platform-notes.md), a font with
# Polish letters, libpulse0 for Qt's virtual keyboard, and libusb for USB receipt printers (pyusb).
DEB_PACKAGES := python3 python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libpulse0 \
	libglib2.0-0 libdbus-1-3 libx11-6 fonts-dejavu-core espeak-ng libusb-1.0-0
# What the tests' real peers need: a browser for the portal page, the hotspot gateways
# (openNDS, nftables) in network namespaces with real DHCP, php-cli (openNDS encrypts FAS
# level 2 with it), and nginx/wrk for benchmarks;
# for the kiosk image: weston (the session under its headless backend and its screenshooter),
# systemd-analyze, promtool (prometheus), binutils (strip) and dpkg-dev tools;
# for the kiosk in a real window (tests/window): Xvfb and xkbcomp, xdotool (XTest input), a
# D-Bus session and the AT-SPI bus, and the X libraries Qt's xcb platform plugin loads;
# PostgreSQL's server for the office tests (each run makes a throwaway cluster with initdb);
# haproxy in front of two portal instances on one PostgreSQL.
DEB_TEST_PACKAGES := postgresql haproxy chromium nftables python3-nftables opennds dnsmasq-base isc-dhcp-client \
	iproute2 iptables php-cli wrk nginx-light weston prometheus systemd fdisk binutils \
	xvfb x11-xkb-utils xdotool dbus at-spi2-core libx11-xcb1 libxcb-cursor0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 \
	libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0

.PHONY: bundle bundle-test bench-bundle deb technician-guide image image-debs image-update test-image
.PHONY: office-demo deb-office test-deb-office bench-office bench-visits deb-portal test-deb-portal
.PHONY: attacks bench bench-kiosk bench-taps bench-portal bench-outbox bench-receipts receipt-images docs-images translations lupdate demo test lint typecheck unit bench lock debs test-debs clean demo-catalogue

demo: $(VENV)/.installed translations ## the demo catalogue, searched in the terminal
	@$(BIN)/kiosk catalogue validate offline_cache/demo/catalogue.json
	@for q in "zaświadczenie o niezaleganiu" "dowod osobisty" "zgloszenie zgonu" "wycinka drzew" "karta duzej rodziny"; do \
		echo; echo "kiosk catalogue search \"$$q\""; $(BIN)/kiosk catalogue search "$$q" --limit 5; done
	@if [ -t 0 ]; then echo; $(BIN)/kiosk catalogue search --interactive --limit 5; fi

office-demo: $(VENV)/.installed ## the office service on loopback: a demo clerk, admin, kiosk and cases (Ctrl-C stops it)
	$(BIN)/python -m tests.office.office_demo $(ARGS)

QM_FILES := $(patsubst %.ts,%.qm,$(wildcard ui/i18n/*.ts))

test: $(VENV)/.installed test-debs lint typecheck unit bundle-test ## everything CI checks

translations: $(QM_FILES) ## compile the UI translations (.ts -> .qm)

ui/i18n/%.qm: ui/i18n/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

DOC_SHOTS := portrait-pl-normal-home portrait-pl-normal-card portrait-pl-contrast-results \
	landscape-en-normal-accessibility portrait-uk-normal-countdown portrait-pl-normal-form-problems \
	portrait-pl-normal-form-review portrait-pl-normal-receipt portrait-uk-normal-receipt-printer-failed
docs-images: $(VENV)/.installed translations ## render the kiosk screens and the clerks' pages shown in the docs (docs/img)
	rm -rf build/work/shots
	XDG_DATA_HOME=$$(mktemp -d) QT_QPA_PLATFORM=offscreen $(BIN)/kiosk screenshot --out build/work/shots > /dev/null
	for shot in $(DOC_SHOTS); do cp build/work/shots/$$shot.png docs/img/kiosk-$$shot.png; done
	INFOMAT_DOCS_SCREENSHOTS=1 $(BIN)/pytest -q -p no:xdist tests/office/test_desk_browser.py -k sqlite

lupdate: $(VENV)/.installed ## collect new UI texts into the .ts files (translations kept)
	for ts in ui/i18n/*.ts; do $(BIN)/pyside6-lupdate ui/qml/*.qml ui/qml/components/*.qml ui/*.py -ts $$ts; done

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy --strict

unit: $(VENV)/.installed translations
	$(BIN)/pytest -n 2 -q

bench: $(VENV)/.installed ## catalogue: import, search, sync; writes tests/perf/results-catalogue.json
	$(BIN)/python -m tests.perf.bench_catalogue

bench-kiosk: $(VENV)/.installed translations test-debs ## kiosk cold start, typing, memory vs headless Chromium; writes tests/perf/results-kiosk.json
	$(BIN)/python -m tests.perf.bench_kiosk

bench-taps: $(VENV)/.installed translations test-debs ## tap to next frame and cold start in a real X window vs a Chromium kiosk; writes tests/perf/results-taps.json
	$(BIN)/python -m tests.perf.bench_taps

bench-visits: $(VENV)/.installed test-debs ## visit bookings and call-to-display on SQLite and PostgreSQL; writes tests/perf/results-visits.json
	$(BIN)/python -m tests.perf.bench_visits $(ARGS)

bench-portal: $(VENV)/.installed test-debs ## hotspot portal vs nginx under wrk; writes tests/perf/results-portal.json
	$(BIN)/python -m tests.perf.bench_portal

attacks: $(VENV)/.installed test-debs ## the portal's attack list (issue 13): its tests, and a score per attack
	$(BIN)/python -m tests.attack_score

bench-outbox: $(VENV)/.installed ## outbox: enqueue latency (synchronous=FULL), delivery throughput; writes tests/perf/results-outbox.json
	$(BIN)/python -m tests.perf.bench_outbox

bench-receipts: $(VENV)/.installed ## receipt render time, ESC/POS and PNG; writes tests/perf/results-receipts.json
	$(BIN)/python -m tests.perf.bench_receipts

bench-office: $(VENV)/.installed test-debs ## office intake and status page on SQLite and PostgreSQL (1 M cases) vs nginx; writes tests/perf/results-office.json
	$(BIN)/python -m tests.perf.bench_office $(ARGS)

receipt-images: $(VENV)/.installed ## render the sample receipts shown in docs/receipts.md (docs/img)
	rm -rf build/work/receipts
	$(BIN)/python -m tests.devices.make_receipt_images --out build/work/receipts > /dev/null
	for shot in pl-58mm uk-80mm; do cp build/work/receipts/receipt-$$shot.png docs/img/receipt-$$shot.png; done

test-debs:
	@$(MAKE) --no-print-directory debs DEB_PACKAGES="$(DEB_TEST_PACKAGES)"

debs:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages: $$missing"; \
		if [ "$$(id -u)" != 0 ]; then echo "run as root, or: apt-get install $$missing" >&2; exit 1; fi; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: requirements.lock pyproject.toml | debs
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		{ echo "Infomat needs Python 3.11 (set PYTHON=...)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

lock: ## re-resolve every dependency into requirements.lock
	rm -rf /tmp/infomat-lock && $(PYTHON) -m venv /tmp/infomat-lock
	/tmp/infomat-lock/bin/pip install -q --disable-pip-version-check -e '.[dev]'
	/tmp/infomat-lock/bin/pip install -q --disable-pip-version-check --upgrade setuptools
	/tmp/infomat-lock/bin/pip freeze --all --exclude-editable | grep -v -e '^infomat' -e '^pip==' > requirements.lock
	rm -rf /tmp/infomat-lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info

DEMO := offline_cache/demo
demo-catalogue: $(VENV)/.installed ## rebuild and re-sign the demo catalogue from $(DEMO)/src (KEY=publisher.pem)
	$(BIN)/kiosk catalogue build $(sort $(wildcard $(DEMO)/src/*.json)) --out $(DEMO)/catalogue.json
	@key="$(KEY)"; if [ -z "$$key" ]; then key=$$(mktemp -u /tmp/infomat-demo-XXXXXX.pem); \
		$(BIN)/kiosk catalogue keygen --out $$key > $(DEMO)/catalogue.pub; \
		echo "signed with a throwaway key; new public key in $(DEMO)/catalogue.pub"; fi; \
	$(BIN)/kiosk catalogue sign $(DEMO)/catalogue.json --key $$key; \
	if [ -z "$(KEY)" ]; then rm -f $$key; fi
	$(BIN)/kiosk catalogue verify $(DEMO)/catalogue.json --public-key "$$(cat $(DEMO)/catalogue.pub)"

# The kiosk image (build/): PyInstaller bundle, Debian package, technician guide.
BUNDLE := build/dist/infomat
bundle: $(VENV)/.installed translations ## PyInstaller one-folder bundle of kiosk + captive-portal (build/dist/infomat)
	rm -rf $(BUNDLE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work build/kiosk.spec
	@du -sh $(BUNDLE)

bundle-test: bundle ## build the bundle, then run its --version and --self-test (offscreen, throwaway data dir)
	$(BUNDLE)/kiosk --version
	XDG_DATA_HOME=$$(mktemp -d) $(BUNDLE)/kiosk --self-test 2>/dev/null
	$(BUNDLE)/captive-portal --help > /dev/null
	@test ! -e $(BUNDLE)/_internal/setuptools || { echo "setuptools is in the bundle: PyInstaller's runtime hook then imports it at every start (150 ms; build/kiosk.spec)"; exit 1; }

technician-guide: $(VENV)/.installed ## regenerate the config options table in docs/technician-guide.md
	$(BIN)/python -m kiosk.config_doc docs/technician-guide.md

deb: bundle ## the Debian package (build/dist/infomat-kiosk_VERSION_amd64.deb)
	$(BIN)/python build/deb/make_deb.py --bundle $(BUNDLE) --out build/dist
	@du -h build/dist/infomat-kiosk_*.deb

deb-office: $(VENV)/.installed ## the office service's Debian package, a venv in /opt, no Qt (build/dist/infomat-office_VERSION_amd64.deb)
	$(BIN)/python build/office-deb/make_office_deb.py --out build/dist
	@du -h build/dist/infomat-office_*.deb

test-deb-office: $(VENV)/.installed ## build infomat-office (~30 s, pip) and serve from its extracted venv (tests/build/test_office_deb.py)
	INFOMAT_OFFICE_DEB=1 $(BIN)/pytest -q -p no:xdist tests/build/test_office_deb.py

deb-portal: $(VENV)/.installed ## the hotspot portal's Debian package, a venv in /opt, no Qt (build/dist/infomat-captive-portal_VERSION_amd64.deb)
	$(BIN)/python build/portal-deb/make_portal_deb.py --out build/dist
	@du -h build/dist/infomat-captive-portal_*.deb

test-deb-portal: $(VENV)/.installed test-debs ## build infomat-captive-portal (~1 min, pip), serve from its extracted venv, and (root) run its nftables gateway with CAP_NET_ADMIN alone
	INFOMAT_PORTAL_DEB=1 $(BIN)/pytest -q -p no:xdist tests/build/test_portal_deb.py tests/build/test_portal_deb_gateway.py

bench-bundle: bundle deb ## bundle size and cold start vs the venv; writes tests/perf/results-bundle.json
	$(BIN)/python -m tests.perf.bench_bundle

# The kiosk OS image (docs/image.md): Debian 12 by mmdebstrap, GPT with an ESP (GRUB), root
# slots A and B for RAUC, and the data partition; booted in QEMU by tests/image.
# What building and booting it needs on the build machine (Tesseract: the VM journeys find
# the kiosk's controls by the words on its screen, tests/image/ocr.py):
IMAGE_PACKAGES := mmdebstrap qemu-system-x86 qemu-utils ovmf rauc squashfs-tools dosfstools \
	mtools e2fsprogs fdisk openssl zstd \
	tesseract-ocr tesseract-ocr-pol
IMAGE := build/work/image
IMAGE_KEYS := build/work/image-keys
image-debs:
	@$(MAKE) --no-print-directory debs DEB_PACKAGES="$(IMAGE_PACKAGES)"

image: image-debs ## the kiosk disk image (build/work/image/infomat-kiosk.img), from the .deb of ./dev deb
	@ls build/dist/infomat-kiosk_*_amd64.deb > /dev/null 2>&1 || $(MAKE) --no-print-directory deb
	@test -f $(IMAGE_KEYS)/cert.pem || { mkdir -p $(IMAGE_KEYS) && \
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
		-subj "/O=Infomat/CN=Infomat development bundles" -keyout $(IMAGE_KEYS)/key.pem \
		-out $(IMAGE_KEYS)/cert.pem 2> /dev/null && echo "made a development RAUC key in $(IMAGE_KEYS)"; }
	INFOMAT_RAUC_KEYRING=$(CURDIR)/$(IMAGE_KEYS)/cert.pem build/image/build-image.sh \
		"$$(ls -t build/dist/infomat-kiosk_*_amd64.deb | head -1)" $(IMAGE)

# A bundle's version: VERSION=..., else the image's own with the time appended (newer each time).
image-update: image-debs ## a signed RAUC bundle of the built image's slot (build/work/image/infomat-kiosk-VERSION.raucb)
	@test -f $(IMAGE)/rootfs-a.ext4 || { echo "no $(IMAGE)/rootfs-a.ext4: run ./dev image first" >&2; exit 2; }
	version="$${VERSION:-$$(debugfs -R 'cat /usr/lib/infomat-image/version' $(IMAGE)/rootfs-a.ext4 2>/dev/null)+$$(date -u +%Y%m%d%H%M)}"; \
	INFOMAT_RAUC_CERT=$(IMAGE_KEYS)/cert.pem INFOMAT_RAUC_KEY=$(IMAGE_KEYS)/key.pem \
		build/image/make-bundle.sh $(IMAGE)/rootfs-a.ext4 "$$version" $(IMAGE)/infomat-kiosk-$$version.raucb

test-image: $(VENV)/.installed image-debs ## boot the built image in QEMU: home screen, update A/B by stick and network, fallback, watchdog (tests/image; ~25 min under TCG)
	INFOMAT_IMAGE=$(IMAGE)/infomat-kiosk.img INFOMAT_RAUC_CERT=$(IMAGE_KEYS)/cert.pem \
		INFOMAT_RAUC_KEY=$(IMAGE_KEYS)/key.pem $(BIN)/pytest -p no:xdist -m image tests/image -v -s
