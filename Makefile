# Circlebook: `make run` opens the app, `make test` runs every test.
# Both install the Debian/Ubuntu packages they need first (apt, with sudo when not root).

GO       ?= go
TAGS     := desktop,production,webkit2_41
BIN      := build/bin/circlebook
VERSION  := 0.1.0-$(shell git rev-parse --short HEAD 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X main.version=$(VERSION)
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HAS_DISPLAY := $(if $(DISPLAY)$(WAYLAND_DISPLAY),yes,)
SIZE     ?= tenth
XVFB     := xvfb-run -a -s "-screen 0 1440x900x24"

RUN_PKGS  := gcc pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
TEST_PKGS := $(RUN_PKGS) chromium xvfb xauth xdotool imagemagick poppler-utils fonts-dejavu-core nodejs postgresql
# Debian's nodejs leaves npm (for axe-core in backend/e2e) to a package of its own;
# NodeSource's nodejs bundles npm and conflicts with that package: ask only when missing.
TEST_PKGS += $(if $(shell command -v npm 2>/dev/null),,npm)

# apt_install installs whichever of the listed packages are missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: run test test-pg pg pg-stop build cli serve windows deps-run deps-test deps-pg screenshots bench-window window-soak clean

# PostgreSQL: pgtmp starts and stops a throwaway cluster (backend/internal/pgtest).
PGTMP   := $(GO) run ./backend/internal/pgtest/pgtmp
PG_DIR  ?= /tmp/circlebook-pg-$(shell id -un)
# PG_PKGS: the packages whose tests pass on PostgreSQL, run after the store's (its migrations).
# The rest are about SQLite itself or need no database.
PG_PKGS := ./backend/apperr/ ./backend/demo/ ./backend/load/ \
	./backend/actions/ ./backend/bundle/ ./backend/circles/ ./backend/deeplink/ ./backend/export/ \
	./backend/notes/ ./backend/paging/ ./backend/people/ ./backend/rpc/ ./backend/search/ ./backend/sessions/ ./backend/topics/ \
	./backend/scale/ ./backend/dbcopy/ ./backend/goals/ ./backend/growth/ \
	./backend/today/ ./backend/find/ ./backend/program/ ./backend/pairing/ ./backend/roster/

## run: build and open the window; with no display, start browser mode instead
ifeq ($(HAS_DISPLAY),yes)
run: build
	./$(BIN)
else
run: cli
	@echo "No display found: starting browser mode. Open the URL below in a browser."
	./$(BIN) serve
endif

## test: vet, JavaScript unit tests, Go tests, end-to-end tests in Chromium and in the real window under Xvfb,
## the store's and PG_PKGS' tests again on a throwaway PostgreSQL (test-pg; run even when the first run fails),
## then the service benchmarks once on the tenth-scale data
test: deps-test
	$(GO) vet ./...
	node --test frontend/test/
	@status=0; \
	echo "CIRCLEBOOK_E2E=1 $(XVFB) $(GO) test -count=1 -timeout 20m ./..."; \
	CIRCLEBOOK_E2E=1 $(XVFB) $(GO) test -count=1 -timeout 20m ./... || status=1; \
	$(MAKE) --no-print-directory test-pg || status=1; \
	exit $$status
	CIRCLEBOOK_SCALE=tenth $(GO) test -count=1 -run XXX -bench . -benchtime 5x ./backend/plans/ ./backend/paging/

## build: the desktop binary for this machine (Linux: GTK 3 + WebKitGTK 4.1)
build: deps-run
	$(GO) build -tags $(TAGS) -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

## cli: the binary without the window (browser mode and CLI; no cgo)
cli:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

## serve: browser mode on loopback
serve: cli
	./$(BIN) serve

## windows: cross-compile the Windows .exe with its icon, manifest and version info
## (the target needs the WebView2 runtime, built into Windows 11)
WINRES := github.com/tc-hib/go-winres@v0.3.3
windows:
	$(GO) run $(WINRES) simply --arch amd64 --out rsrc --icon build/windows/icon.ico --manifest gui \
		--product-name Circlebook --file-description Circlebook --original-filename circlebook.exe \
		--product-version 0.1.0 --file-version 0.1.0 --copyright "Copyright © 2026 Circlebook"
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -tags desktop,production -trimpath \
		-ldflags "$(LDFLAGS) -H windowsgui" -o build/bin/circlebook.exe . ; \
		status=$$?; rm -f rsrc_windows_amd64.syso; exit $$status

## screenshots: refresh the README screenshots from the real window
screenshots: deps-test
	CIRCLEBOOK_E2E=1 CIRCLEBOOK_SCREENSHOTS=$(CURDIR)/build/screenshots $(XVFB) \
		$(GO) test -count=1 -run 'TestDesktopWindow|TestTypeThenCloseAtOnce/SIGTERM' ./backend/e2e/

## bench-window: the real window against a blank Wails app: launch time and memory,
## and key-to-screen latency on the live screen (see README, Performance)
bench-window: deps-test
	CIRCLEBOOK_E2E=1 $(XVFB) $(GO) test -count=1 -run XXX -bench 'Launch|KeyLatency' -benchtime 3x -timeout 20m ./backend/e2e/

## window-soak: the real-window tests 5 times in a row while both cores are kept busy
window-soak: deps-test
	@busy=""; for i in 1 2; do ( while :; do :; done ) & busy="$$busy $$!"; done; trap "kill $$busy" EXIT; \
	CIRCLEBOOK_E2E=1 $(XVFB) $(GO) test -count=5 -v -run 'TestDesktopWindow|TestTypeThenCloseAtOnce' -timeout 30m ./backend/e2e/

## test-pg: the store's tests (migrations first), then PG_PKGS', then the screens' query plans on the
## tenth-scale program, on PostgreSQL: a cluster made for
## the run in a temporary folder, listening on a socket there only, always stopped and removed
test-pg: deps-pg
	@pg=$$(mktemp -d /tmp/circlebook-pg.XXXXXX) || exit 1; \
	trap '$(PGTMP) stop "$$pg"' EXIT; trap 'exit 1' HUP INT TERM; \
	dsn=$$($(PGTMP) start "$$pg") || exit 1; \
	echo "PostgreSQL for the tests: $$dsn"; \
	export CIRCLEBOOK_TEST_ENGINE=postgres CIRCLEBOOK_TEST_PG="$$dsn"; status=0; \
	echo "CIRCLEBOOK_TEST_ENGINE=postgres $(GO) test -count=1 ./backend/store/"; \
	$(GO) test -count=1 ./backend/store/ || status=1; \
	echo "CIRCLEBOOK_TEST_ENGINE=postgres $(GO) test -count=1 $(PG_PKGS)"; \
	$(GO) test -count=1 $(PG_PKGS) || status=1; \
	echo "$(GO) test -count=1 -run TestPostgresScreenPlans ./backend/plans/"; \
	$(GO) test -count=1 -run TestPostgresScreenPlans ./backend/plans/ || status=1; \
	exit $$status

## bench-pg: the generated program (SIZE=tenth|program) copied into a throwaway PostgreSQL (the copy's
## rate), then every screen's calls there beside the same calls on its SQLite file (p95 each)
.PHONY: bench-pg
bench-pg: deps-pg
	@pg=$$(mktemp -d /tmp/circlebook-pg.XXXXXX) || exit 1; \
	trap '$(PGTMP) stop "$$pg"' EXIT; trap 'exit 1' HUP INT TERM; \
	dsn=$$($(PGTMP) start "$$pg") || exit 1; export CIRCLEBOOK_TEST_PG="$$dsn" CIRCLEBOOK_SCALE=$(SIZE); \
	$(GO) test -count=1 -run XXX -bench CopyScaleToPostgres -benchtime 1x -timeout 60m ./backend/dbcopy/ && \
	$(GO) test -count=1 -run XXX -bench PostgresScreenCalls -benchtime 200x -timeout 60m ./backend/plans/

## bench-clients: ten clients at once on one PostgreSQL database for 60 s against one client alone
## (p95 of each call, no error, no lost write), on a throwaway cluster like test-pg's
.PHONY: bench-clients
bench-clients: deps-pg
	@pg=$$(mktemp -d /tmp/circlebook-pg.XXXXXX) || exit 1; \
	trap '$(PGTMP) stop "$$pg"' EXIT; trap 'exit 1' HUP INT TERM; \
	dsn=$$($(PGTMP) start "$$pg") || exit 1; \
	CIRCLEBOOK_TEST_PG="$$dsn" $(GO) test -count=1 -run XXX -bench TenClients -benchtime 1x -timeout 10m ./backend/load/

## pg: start a PostgreSQL in $(PG_DIR) to try Circlebook on (a socket there only; make pg-stop ends it)
pg: deps-pg
	@if [ -e "$(PG_DIR)/data/postmaster.pid" ]; then echo "PostgreSQL already runs in $(PG_DIR)."; \
	else $(PGTMP) start "$(PG_DIR)" >/dev/null && $(PGTMP) createdb "$(PG_DIR)" circlebook >/dev/null || exit 1; fi; \
	dsn=$$($(PGTMP) dsn "$(PG_DIR)"); \
	echo "PostgreSQL runs in $(PG_DIR). Its database for Circlebook:"; \
	echo "  $$(echo "$$dsn" | sed 's|@/postgres?|@/circlebook?|')"; \
	echo "Try:   make cli && ./$(BIN) --db '$$(echo "$$dsn" | sed 's|@/postgres?|@/circlebook?|')' demo   (then serve, export, ...)"; \
	echo "Tests: CIRCLEBOOK_TEST_ENGINE=postgres CIRCLEBOOK_TEST_PG='$$dsn' $(GO) test ./backend/store/"; \
	echo "Stop:  make pg-stop   (stops it and deletes its data)"

## pg-stop: stop the PostgreSQL that make pg started and delete its folder
pg-stop:
	$(PGTMP) stop "$(PG_DIR)"

deps-pg:
	$(call apt_install,postgresql)

deps-run:
	$(call apt_install,$(RUN_PKGS))

deps-test:
	$(call apt_install,$(TEST_PKGS))
	cd backend/e2e && npm ci --prefer-offline --no-audit --no-fund

clean:
	rm -rf build/bin

## bench-scale: every program-scale benchmark on the generated data (SIZE=tenth|program),
## each against the sample program or a blank Wails app in the same run (see README, Performance)
bench-scale: deps-test
	CIRCLEBOOK_SCALE=$(SIZE) $(GO) test -count=1 -run XXX -bench . -benchtime 200x -timeout 60m ./backend/plans/ ./backend/paging/
	CIRCLEBOOK_E2E=1 CIRCLEBOOK_SCALE=$(SIZE) $(XVFB) $(GO) test -count=1 -run XXX -bench Scale -benchtime 3x -timeout 90m ./backend/e2e/

## scale-walk: the real window on the generated data: circles list, End to the last circle,
## its page, a session's live screen, a mark (SIZE=tenth|program; CIRCLEBOOK_SCREENSHOTS=DIR keeps the shot)
scale-walk: deps-test
	CIRCLEBOOK_E2E=1 CIRCLEBOOK_SCALE=$(SIZE) $(XVFB) $(GO) test -count=1 -v -run TestScaleWindowWalk -timeout 60m ./backend/e2e/

## scale-data: generate the program-scale data set the scale tests and benchmarks copy
## (backend/internal/scaledb) into its cache, once per generator and schema: SIZE=tenth
## (the default, about a minute) or SIZE=program (10-20 minutes, 1.2 GB). To get a data
## folder to open instead: circlebook demo --scale program --data DIR
.PHONY: scale-data bench-scale scale-walk
scale-data:
	CIRCLEBOOK_SCALE=$(SIZE) $(GO) test -count=1 -v -run '^TestCache$$' -timeout 120m ./backend/internal/scaledb/
