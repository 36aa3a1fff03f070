# transim: a wrapper over CMake so that a newcomer needs no CMake knowledge.
#   make run     build and run the main job (the simulator on the baseline)
#   make test    build and run every test
#   make check   the tests again under AddressSanitizer and UBSan
#   make bench   build and run the benchmarks (the window's too, under Xvfb)
#   make fuzz    build the scenario reader's libFuzzer harness with clang and
#                run it for 60 seconds (FUZZ_SECONDS) on tests/fuzz/corpus
#   make web     the web version in build-web/ (index.html and its files, for
#                any static web server) with Debian's emscripten; the libraries
#                are built once from Debian's sources into ~/.cache/transim-web
#   make web-test  the web model against the native one (Node) and the page
#                in headless Chromium (not part of make test)
#   make deps    install the Debian packages the build needs (run by the above)
#   make mpi     build the MPI cluster engine (needs `make deps-mpi`)
#   make install install the programs, man pages and bash completion under
#                PREFIX (default /usr/local; a folder of yours needs no root)
#                and DESTDIR (a staging root for packagers)
#   make doc     regenerate the model reference, the fit report and its charts
#   make fit     fit the parameters of assets/history/fit.ini to 2010-2020, put
#                the values in the model table, rebuild and regenerate the docs
# Build trees: build/ (release), build-check/ (sanitizers), build-mpi/ (MPI),
# build-fuzz/ (the fuzzer, with the inputs it found in build-fuzz/corpus).

SHELL   := /bin/bash
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
BUILD   ?= build
CMAKE_FLAGS ?=
# Warnings are errors under CI and in the sanitizer build (make check), not in
# a user's build: WERROR=ON make test turns them on locally.
WERROR  ?= $(if $(CI),ON,OFF)

# Debian 12 / Ubuntu packages the build, tests and front end need (xvfb,
# xdotool and x11-utils drive the real window in tests/gui_e2e_*.sh).
DEPS     := cmake make gcc pkg-config libgsl-dev libinih-dev libcmocka-dev \
            libsdl2-dev libsdl2-ttf-dev fonts-dejavu-core libstb-dev \
            xvfb xdotool x11-utils
DEPS_MPI := libopenmpi-dev openmpi-bin
DEPS_FUZZ := clang
FUZZ_SECONDS ?= 60
# A fixed seed makes the CI run repeatable; FUZZ_SEED=0 draws a new one.
FUZZ_SEED ?= 1
PREFIX  ?= /usr/local
DESTDIR ?=

.PHONY: all build run test check bench fuzz deps deps-mpi mpi mpi-test doc loops fit teaching clean \
        install web web-test

all: build

deps:
	@$(call install_missing,$(DEPS))

deps-mpi:
	@$(call install_missing,$(DEPS_MPI))

# install_missing(packages): apt-get install what dpkg does not list as
# installed, through sudo when not root; says what to do when it cannot.
define install_missing
	missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "transim: installing:$$missing"; \
	if ! command -v apt-get >/dev/null; then \
	  echo "transim: no apt-get here; install these packages by hand:$$missing" >&2; exit 1; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null; then sudo="sudo"; \
	else echo "transim: not root and no sudo; as root run: apt-get install$$missing" >&2; exit 1; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	  || { echo "transim: apt-get could not install:$$missing" >&2; exit 1; }
endef

# The web version (web/web.mk); at most two jobs, the machine is shared.
WEB_JOBS ?= $(if $(filter 1,$(JOBS)),1,2)
web:
	bash web/build-deps.sh all >/dev/null
	$(MAKE) -f web/web.mk -j $(WEB_JOBS) model gui

# Node's test runner over web/test/: the numbers, then the page.
web-test: web build
	@$(call install_missing,chromium)
	@[ -d web/node_modules/playwright-core ] || npm ci --prefix web --no-audit --no-fund
	node --test web/test/

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRANSIM_WERROR=$(WERROR) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The interactive simulator on the baseline when there is a display and it was
# built; otherwise the bundled scenarios headlessly, compared on key indicators
# (not the 2010-2020 history run, which has none of the compared years). The
# headless build's log goes to $(BUILD)/build.log (its tail is shown if the
# build fails), and the comparison fits the terminal (COLUMNS, else 80).
run:
	@if { [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; }; then \
	  $(MAKE) --no-print-directory build || exit 1; \
	fi; \
	if [ -x $(BUILD)/transim-gui ] && { [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; }; then \
	  $(BUILD)/transim-gui scenarios/baseline.ini; \
	else \
	  mkdir -p $(BUILD); \
	  echo "transim: no display; building (log in $(BUILD)/build.log), then comparing the bundled scenarios" >&2; \
	  if ! $(MAKE) --no-print-directory build >$(BUILD)/build.log 2>&1; then \
	    tail -n 30 $(BUILD)/build.log >&2; \
	    echo "transim: the build failed; the whole log is $(BUILD)/build.log" >&2; exit 1; \
	  fi; \
	  cols=$${COLUMNS:-$$( [ -t 1 ] && tput cols 2>/dev/null || echo 80)}; \
	  COLUMNS=$$cols $(BUILD)/transim compare scenarios/baseline.ini \
	    $$(ls scenarios/*.ini | grep -v -e baseline.ini -e history.ini); \
	fi

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# bin/transim and bin/transim-gui, share/man/man1/*.1, the bash completion
# and the bundled scenarios (share/transim/scenarios). Nothing here needs
# root unless PREFIX does: make install PREFIX=$$HOME/.local
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

check: deps
	cmake -S . -B build-check -DCMAKE_BUILD_TYPE=Debug -DTRANSIM_SANITIZE=ON -DTRANSIM_WERROR=ON $(CMAKE_FLAGS)
	cmake --build build-check -j $(JOBS)
	cd build-check && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# The scenario reader under libFuzzer, ASan and UBSan: a crash, a file that
# loads but does not save and load back the same, or a run with a value that
# is not finite stops it with the input in build-fuzz/crash-*.
fuzz: deps
	@$(call install_missing,$(DEPS_FUZZ))
	cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DTRANSIM_FUZZ=ON -DTRANSIM_GUI=OFF -DTRANSIM_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build build-fuzz -j $(JOBS) --target fuzz_scenario
	mkdir -p build-fuzz/corpus
	cd build-fuzz && ./fuzz_scenario -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) -timeout=10 \
	  -dict=../tests/fuzz/scenario.dict -artifact_prefix=./ corpus ../tests/fuzz/corpus

# The model's figures, then the window's in a real X window when Xvfb is
# there (bench/gui_window.sh says so and skips otherwise).
bench: build
	cmake --build $(BUILD) -j $(JOBS) --target transim_bench
	$(BUILD)/transim_bench
	bench/gui_window.sh $(BUILD)/transim-gui

mpi: deps deps-mpi
	cmake -S . -B build-mpi -DTRANSIM_MPI=ON -DTRANSIM_GUI=OFF -DTRANSIM_WERROR=$(WERROR) $(CMAKE_FLAGS)
	cmake --build build-mpi -j $(JOBS)

mpi-test: mpi
	cd build-mpi && ctest --output-on-failure -R mpi

# The reference in English and Swedish; its counts of variables, edges and
# loops (also put between the counts markers of docs/model.md); the history
# fit's tables (docs/fit/fit.md, also put between the fit markers of
# docs/model.md), its text report, the model beside the data
# (docs/fit/history.csv) and one chart per series (docs/fit/*.svg).
doc: build
	$(BUILD)/transim doc -o docs/model-reference.md
	@mkdir -p docs/sv
	$(BUILD)/transim doc --lang sv -o docs/sv/model-reference.md
	$(BUILD)/transim doc --counts -o $(BUILD)/counts.md
	awk -v f=$(BUILD)/counts.md '/<!-- counts:begin/ { print; while ((getline l < f) > 0) print l; \
	  skip = 1; next } /<!-- counts:end -->/ { skip = 0 } !skip' docs/model.md > docs/model.md.tmp \
	  && mv docs/model.md.tmp docs/model.md
	mkdir -p docs/fit
	$(BUILD)/transim fit --markdown docs/fit/fit.md --charts docs/fit > docs/fit/fit.txt
	$(BUILD)/transim fit --report > docs/fit/history.csv
	awk -v f=docs/fit/fit.md '/<!-- fit:begin -->/ { print; while ((getline l < f) > 0) print l; \
	  skip = 1; next } /<!-- fit:end -->/ { skip = 0 } !skip' docs/model.md > docs/model.md.tmp \
	  && mv docs/model.md.tmp docs/model.md
	$(BUILD)/transim evidence --format md -j 2 -o docs/evidence.md
	$(MAKE) loops

# The named feedback loops as Graphviz diagrams (`transim graph --loop`), in
# English and Swedish, for docs/model.md and the teaching kit.
loops: build
	@$(call install_missing,graphviz)
	@mkdir -p docs/teaching/en/loops docs/teaching/sv/loops
	for l in $$($(BUILD)/transim graph --loops | sed -n 's/^\([BR][0-9][0-9]*\) .*/\1/p'); do \
	  for lang in en sv; do \
	    $(BUILD)/transim graph --loop $$l --format dot --lang $$lang \
	      | dot -Tsvg -o docs/teaching/$$lang/loops/$$l.svg || exit 1; \
	  done; \
	done

# After the model's equations change: fit again, and the model table takes up
# the fitted values (assets/history/apply_fit.py), then the docs follow.
fit: build
	$(BUILD)/transim fit -o assets/history/fitted.ini
	python3 assets/history/apply_fit.py assets/history/fitted.ini
	$(MAKE) doc

# The teaching kit (docs/teaching/) as HTML pages a browser prints on A4:
# build-teaching/index.html, en/*.html, sv/*.html. Regenerates the cost sheets
# from the model first. Needs pandoc (installed like the build's packages).
teaching: build
	@$(call install_missing,pandoc)
	docs/teaching/costs.sh $(BUILD)/transim
	@mkdir -p build-teaching/en build-teaching/sv
	cp docs/teaching/print.css build-teaching/print.css
	pandoc docs/teaching/README.md -s -f markdown -t html5 --columns=10000 --css print.css \
	  --lua-filter docs/teaching/links.lua -M kitdepth=0 -M lang=en \
	  -M pagetitle="transim: teaching kit" -o build-teaching/index.html
	@for lang in en sv; do \
	  for f in docs/teaching/$$lang/*.md; do \
	    name=$$(basename $$f .md); \
	    title=$$(sed -n 's/^# //p' $$f | head -n 1); \
	    pandoc "$$f" -s -f markdown -t html5 --columns=10000 --css ../print.css \
	      --lua-filter docs/teaching/links.lua -M kitdepth=1 -M lang=$$lang \
	      -M pagetitle="transim: $$title" -o build-teaching/$$lang/$$name.html || exit 1; \
	  done; \
	  rm -rf build-teaching/$$lang/loops; cp -r docs/teaching/$$lang/loops build-teaching/$$lang/loops; \
	done
	@echo "teaching: open build-teaching/index.html in a browser and print (A4)"

clean:
	rm -rf $(BUILD) build-check build-mpi build-fuzz build-teaching build-web
