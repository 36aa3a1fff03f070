# web.mk: the web version, built with Debian's emscripten (`make web`,
# `make web-test` call this file from the top of the source tree).
#   build-web/index.html, .js, .wasm, .data   the window (render/), served as is
#   build-web/sw.js                           the service worker (offline use),
#                                             named after the build's contents
#   build-web/node/transim.js, .wasm          the command-line program for Node
#                                             (the model alone, no SDL), for
#                                             the comparison with the native one
# The libraries come from web/build-deps.sh, in a cache outside the tree;
# objects are kept in build-web/obj, so a second build redoes only what changed.

OUT      := build-web
CACHE    ?= $(or $(TRANSIM_WEB_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/transim-web)
PREFIX   := $(CACHE)/prefix
export NODE_PATH ?= /usr/share/nodejs
export EM_FROZEN_CACHE := 1

EMCC     := emcc
VERSION  := $(shell grep -o 'transim VERSION [0-9.]*' CMakeLists.txt | cut -d' ' -f3)
CFLAGS   := -std=c17 -O2 -D_POSIX_C_SOURCE=200809L -I. -I$(OUT)/generated -I$(PREFIX)/include \
            -DTRANSIM_VERSION=\"$(VERSION)\"
SIM_CFLAGS := -fno-math-errno
GUI_CFLAGS := -std=gnu17 -I$(PREFIX)/include/SDL2 -DTRANSIM_ASSETS_DIR=\"/assets\" \
              -DTRANSIM_SCENARIOS_DIR=\"/scenarios\" -I/usr/include/stb

SIM_SRC    := $(wildcard sim/engine/*.c sim/model/*.c sim/files/*.c sim/studies/*.c)
CLI_SRC    := $(wildcard cli/*.c)
RENDER_SRC := $(wildcard render/*.c)
SIM_OBJ    := $(SIM_SRC:%.c=$(OUT)/obj/%.o)
CLI_OBJ    := $(CLI_SRC:%.c=$(OUT)/obj/%.o)
RENDER_OBJ := $(RENDER_SRC:%.c=$(OUT)/obj/%.o)
DEFS       := $(wildcard sim/model/*.def)
FONTS      := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
              /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

COMMON_LD  := -O2 -sALLOW_MEMORY_GROWTH=1 -lm
NODE_LD    := $(COMMON_LD) -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1
WEB_LD     := $(COMMON_LD) -sENVIRONMENT=web -sEXPORTED_RUNTIME_METHODS=ccall,FS,allocateUTF8,UTF8ToString \
              -sEXPORTED_FUNCTIONS=_main,_web_drop,_web_link -lidbfs.js \
              --shell-file web/shell.html -sMINIFY_HTML=0

.PHONY: model gui
model: $(OUT)/node/transim.js
gui: $(OUT)/index.html $(OUT)/sw.js

$(OUT)/generated/transim_commit.h: FORCE
	@mkdir -p $(dir $@)
	@cmake -DSRC=$(CURDIR) -DOUT=$@ -P cmake/commit.cmake
FORCE:

$(OUT)/obj/sim/engine/var.o: $(DEFS)
$(OUT)/obj/sim/%.o: sim/%.c | $(OUT)/generated/transim_commit.h
	@mkdir -p $(dir $@)
	$(EMCC) $(CFLAGS) $(SIM_CFLAGS) -MMD -c $< -o $@
$(OUT)/obj/cli/%.o: cli/%.c | $(OUT)/generated/transim_commit.h
	@mkdir -p $(dir $@)
	$(EMCC) $(CFLAGS) -MMD -c $< -o $@
$(OUT)/obj/render/%.o: render/%.c
	@mkdir -p $(dir $@)
	$(EMCC) $(CFLAGS) $(GUI_CFLAGS) -MMD -c $< -o $@

$(OUT)/node/transim.js: $(SIM_OBJ) $(CLI_OBJ)
	@mkdir -p $(dir $@)
	$(EMCC) $^ -o $@ $(NODE_LD) -L$(PREFIX)/lib -lgsl -linih

$(OUT)/index.html: $(SIM_OBJ) $(RENDER_OBJ) web/shell.html web/app.js $(FONTS) $(wildcard scenarios/*.ini)
	@mkdir -p $(OUT)/stage/assets $(OUT)/stage/scenarios
	cp $(FONTS) $(OUT)/stage/assets/
	cp scenarios/*.ini $(OUT)/stage/scenarios/
	$(EMCC) $(SIM_OBJ) $(RENDER_OBJ) -o $@ $(WEB_LD) -L$(PREFIX)/lib -lSDL2 -lSDL2_ttf \
	  -lfreetype -lgsl -linih --preload-file $(OUT)/stage/assets@/assets \
	  --preload-file $(OUT)/stage/scenarios@/scenarios --pre-js web/app.js

# The worker's cache is named after the files it keeps: a new build, a new cache.
$(OUT)/sw.js: web/sw.js $(OUT)/index.html
	sed "s/@BUILD@/$$(cat $(OUT)/index.js $(OUT)/index.wasm $(OUT)/index.data | sha256sum | cut -c1-16)/" \
	  web/sw.js > $@.tmp && mv $@.tmp $@

-include $(shell find $(OUT)/obj -name '*.d' 2>/dev/null)
