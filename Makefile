# VanBan — set-up, demo, tests and benchmarks. See README.md.
SHELL := /bin/bash
# catdoc gives catdoc, xls2csv and catppt: the readers of Word, Excel and PowerPoint 97–2003 files; tesseract-ocr and
# tesseract-ocr-vie read scanned PDF pages (rendered by poppler-utils' pdftoppm) and images.
DEB_PACKAGES := libxapian-dev pkg-config xapian-tools poppler-utils catdoc tesseract-ocr tesseract-ocr-vie graphviz zip unzip
# The peers of `make bench-relevance`: recollcmd holds recollindex and recollq (the `recoll` package adds the Qt GUI);
# sqlite3 is the shell for looking into its FTS5 index (the script uses python3's sqlite3 module, which has FTS5).
# unrtf is the bare tool `make bench-formats` times VanBan's own RTF reader against; qpdf makes the
# password-protected PDF of the reader tests (they skip, saying so, without it); wrk loads `vanban serve`;
# gnuplot-nox draws the plot of `make bench-scale`.
BENCH_DEB_PACKAGES := recollcmd sqlite3 unrtf qpdf wrk gnuplot-nox
# The browser that drives `vanban serve` in `make test` (Tests/browser/serve_test.py); where it cannot be
# installed, deps says so and the browser part of the test skips itself with that reason.
BROWSER_DEB_PACKAGES := chromium chromium-driver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VANBAN := .build/release/vanban
BENCH := .build/release/vanban-bench
SHARED ?= ../shared

.PHONY: deps build release install uninstall test-install demo test test-fast test-serve bench-serve sanitize soak fuzz bench-analyze bench-index bench-search bench-relevance bench-formats bench-ocr bench-scale bench clean-index

## deps: install the Debian packages VanBan needs, and the peers the benchmarks and tests run (nothing happens when all are present)
deps:
	@command -v swift >/dev/null || { echo "Swift 6.3 is required: https://swift.org/install/linux/" >&2; exit 2; }
	@missing=$$(for p in $(DEB_PACKAGES) $(BENCH_DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@missing=$$(for p in $(BROWSER_DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; } \
	    || echo "warning: $$missing could not be installed: the browser test of vanban serve will be skipped" >&2; \
	fi

build: deps
	swift build

release: deps
	swift build -c release

## demo: build, index corpus/ into index/ (anew, so an index of an older schema never stops it), and show searches, a mention search and a citation list
demo: release
	$(VANBAN) index corpus --index index --rebuild
	@echo; echo '$$ vanban search "nghi quyet cong doan"'
	@$(VANBAN) search --index index "nghi quyet cong doan" --limit 3
	@echo; echo '$$ vanban search "khắc phục hậu quả mưa lũ như thế nào"'
	@$(VANBAN) search --index index "khắc phục hậu quả mưa lũ như thế nào" --limit 2
	@echo; echo '$$ vanban search "565 cv ddtld"'
	@$(VANBAN) search --index index "565 cv ddtld" --limit 3 || true
	@echo; echo '$$ vanban number 380/NQ-CP'
	@$(VANBAN) number --index index 380/NQ-CP || true
	@echo; echo '$$ vanban search "công điện" --type "Công điện" --sort=-date'
	@$(VANBAN) search --index index "công điện" --type "Công điện" --sort=-date --limit 3 || true
	@echo; echo '$$ vanban mentions "Nghị quyết 02-NQ/TW"'
	@$(VANBAN) mentions --index index "Nghị quyết 02-NQ/TW" --limit 3 || true
	@echo; echo '$$ vanban cite corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt'
	@$(VANBAN) cite --index index corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt
	@echo; echo 'The same index in a browser: $(VANBAN) serve --index index   then open http://127.0.0.1:8080/'

## install: vanban into $(PREFIX)/bin (default /usr/local; DESTDIR for staging), a manual page per command generated
## from the command definitions into $(PREFIX)/share/man/man1, and bash, zsh and fish completions (both in English;
## `--help` speaks the run's language). INSTALL_CONFIG=debug
## installs the debug build (what test-install checks, without a release build)
PREFIX ?= /usr/local
INSTALL_CONFIG ?= release
INSTALLED := .build/$(INSTALL_CONFIG)/vanban
MANUALS := .build/plugins/GenerateManual/outputs/VanBanCLI
install: $(if $(filter debug,$(INSTALL_CONFIG)),build,release)
	VANBAN_LANG=en swift package plugin --allow-writing-to-package-directory generate-manual --multi-page --configuration $(INSTALL_CONFIG)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(INSTALLED) $(DESTDIR)$(PREFIX)/bin/vanban
	install -m 644 $(MANUALS)/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	VANBAN_LANG=en $(INSTALLED) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/vanban
	VANBAN_LANG=en $(INSTALLED) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_vanban
	VANBAN_LANG=en $(INSTALLED) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/vanban.fish
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/vanban; try: man vanban.search, vanban --help"

## uninstall: removes what install put under $(PREFIX)
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/vanban $(DESTDIR)$(PREFIX)/share/man/man1/vanban.*1 $(DESTDIR)$(PREFIX)/share/man/man1/vanban.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/vanban $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_vanban \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/vanban.fish

## test-install: installs into a scratch DESTDIR and checks what is there (part of `make test`)
test-install:
	scripts/test-install

## test: the whole test suite, the slow tests too, then test-serve and test-install (what .ci/run runs)
test: deps
	swift test
	$(MAKE) test-serve
	$(MAKE) test-install

VENV := .build/venv
$(VENV)/.installed: requirements-test.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements-test.txt
	touch $@

## test-serve: `vanban serve` over corpus/ driven in headless Chromium (Selenium) with screenshots in
## .build/screenshots/, and its API checked by schemathesis against /openapi.json (Tests/browser/serve_test.py)
test-serve: deps $(VENV)/.installed
	swift build --product vanban
	$(VENV)/bin/python Tests/browser/serve_test.py --vanban .build/debug/vanban

## test-fast: the test suite without the tests tagged .slow (VANBAN_FAST=1 makes them skip themselves;
## swift test cannot filter by tag); under a minute after a build
test-fast: deps
	VANBAN_FAST=1 swift test

## sanitize: the test suite under AddressSanitizer and LeakSanitizer
sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan-suppressions.txt swift test --sanitize=address --disable-xctest --scratch-path .build-asan

## soak: the kill soak (issue #19): SIGKILL `vanban index` at 50 random moments of a first build, incremental runs
## after changes and rebuilds of $(SHARED)/corpus-vn; after each kill the index must open, pass xapian-check and
## vanban check, hold only whole documents and lose none, and a rerun must converge to a clean build. Not part of
## `make test`: 20 to 40 minutes on 2 busy cores. SEED=N repeats a run's kill schedule and changes; results in RELIABILITY.md.
SEED ?=
soak: release
	nice -n 10 python3 scripts/kill-soak --corpus $(SHARED)/corpus-vn/docs $(if $(SEED),--seed $(SEED))

## fuzz: the libFuzzer targets of Fuzz/ under AddressSanitizer, each for FUZZ_SECONDS (default 300); prints
## executions, coverage and findings per target (scripts/fuzz.sh; corpora and findings in .fuzz/)
fuzz: deps
	SHARED=$(SHARED) scripts/fuzz.sh

bench-analyze: release
	$(BENCH) analyze --shared $(SHARED)

bench-index: release
	$(BENCH) index --shared $(SHARED)

bench-search: release
	$(BENCH) search --shared $(SHARED)

## bench-relevance: judged relevance side by side (issue #18 item 7): VanBan, Recoll (defaults, and with đ folded to d)
## and SQLite FTS5 index $(SHARED)/corpus-vn/docs and run the tuning and held-out judged queries of
## Tests/VanBanTests/Fixtures/search/; prints nDCG@10, P@10, words held as words and number success@1 per engine
## (scripts/bench-relevance; about a minute; results in BENCHMARKS.md)
bench-relevance: release
	python3 scripts/bench-relevance --docs $(SHARED)/corpus-vn/docs $(if $(JSON),--json $(JSON))

## bench-formats: the legacy office documents of $(SHARED)/formats-vn (.doc, .rtf, .pdf, .xls, .ppt, VNI .docx) read by
## VanBan's readers and scored against their transcripts (character, diacritic and syllable accuracy, per file, format
## and encoding), and each reader timed against the bare tool it runs (results in BENCHMARKS.md)
bench-formats: release
	$(BENCH) formats --shared $(SHARED)

## bench-ocr: pages of the fixture PDF and of $(SHARED)/formats-vn's PDFs rendered clean (300 dpi) and degraded (150 dpi,
## 0.5% noise, 0.5° skew), read by VanBan's OCR path with 2 tesseract processes, scored against their text layer
## (character, diacritic, syllable accuracy) and timed in pages/s (results in BENCHMARKS.md)
bench-ocr: release
	$(BENCH) ocr --shared $(SHARED) --jobs 2

## bench-serve: `vanban serve` under wrk on loopback, 32 connections for 30 s, over an index of
## $(SHARED)/corpus-vn/docs: the search page and /api/search, p50/p99 and requests/s beside the engine's own time
## per query (the Server-Timing header), then the same while `vanban index` adds documents (scripts/bench-serve;
## results in BENCHMARKS.md)
bench-serve: release
	python3 scripts/bench-serve --vanban $(VANBAN) --docs $(SHARED)/corpus-vn/docs

## bench-scale: for each of SIZES documents (default 10,000 and 100,000: what this machine's time and disk allow;
## 200,000 needs about 26 GB of scratch space), a corpus generated from $(SHARED)/corpus-bulk into .build/bench-scale
## (removed after), indexed by `vanban index --jobs 2` (2 shards), with `--shards 1` and by the plain TermGenerator
## indexer; an incremental run with 1% of the files changed and 0.1% deleted; search p50/p99 per query class against
## Xapian's QueryParser. Writes docs/bench-scale/scale.md, scale.csv and scale.png (results in BENCHMARKS.md)
SIZES ?= 10000 100000
bench-scale: release
	$(BENCH) scale --shared $(SHARED) --sizes "$(SIZES)"

bench: bench-analyze bench-index bench-search

clean-index:
	find index -mindepth 1 ! -name .gitkeep -delete
