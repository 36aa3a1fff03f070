# transim: a wrapper over CMake so that a newcomer needs no CMake knowledge.
#   make run     build and run the main job (the simulator on the baseline)
#   make test    build and run every test
#   make check   the tests again under AddressSanitizer and UBSan
#   make bench   build and run the benchmarks
#   make deps    install the Debian packages the build needs (run by the above)
#   make mpi     build the MPI cluster engine (needs `make deps-mpi`)
# Build trees: build/ (release), build-check/ (sanitizers), build-mpi/ (MPI).

SHELL   := /bin/bash
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
BUILD   ?= build
CMAKE_FLAGS ?=
# Warnings are errors under CI and in the sanitizer build (make check), not in
# a user's build: WERROR=ON make test turns them on locally.
WERROR  ?= $(if $(CI),ON,OFF)

# Debian 12 / Ubuntu packages the build, tests and front end need.
DEPS     := cmake make gcc pkg-config libgsl-dev libinih-dev libcmocka-dev \
            libsdl2-dev libsdl2-ttf-dev fonts-dejavu-core libstb-dev
DEPS_MPI := libopenmpi-dev openmpi-bin

.PHONY: all build run test check bench deps deps-mpi mpi mpi-test doc clean

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

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRANSIM_WERROR=$(WERROR) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The interactive simulator on the baseline when there is a display and it was
# built; otherwise the bundled scenarios headlessly, compared on key indicators.
run: build
	@if [ -x $(BUILD)/transim-gui ] && { [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; }; then \
	  $(BUILD)/transim-gui scenarios/baseline.ini; \
	else \
	  echo "transim: no display (or no transim-gui); running the bundled scenarios headlessly" >&2; \
	  $(BUILD)/transim compare scenarios/baseline.ini $$(ls scenarios/*.ini | grep -v baseline.ini); \
	fi

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

check: deps
	cmake -S . -B build-check -DCMAKE_BUILD_TYPE=Debug -DTRANSIM_SANITIZE=ON -DTRANSIM_WERROR=ON $(CMAKE_FLAGS)
	cmake --build build-check -j $(JOBS)
	cd build-check && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

bench: build
	cmake --build $(BUILD) -j $(JOBS) --target transim_bench
	$(BUILD)/transim_bench

mpi: deps deps-mpi
	cmake -S . -B build-mpi -DTRANSIM_MPI=ON -DTRANSIM_GUI=OFF -DTRANSIM_WERROR=$(WERROR) $(CMAKE_FLAGS)
	cmake --build build-mpi -j $(JOBS)

mpi-test: mpi
	cd build-mpi && ctest --output-on-failure -R mpi

doc: build
	$(BUILD)/transim doc -o docs/model-reference.md
	$(BUILD)/transim evidence --format md -j 2 -o docs/evidence.md

clean:
	rm -rf $(BUILD) build-check build-mpi
