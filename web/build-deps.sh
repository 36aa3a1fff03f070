#!/usr/bin/env bash
# build-deps.sh: the libraries of the web version, built for WebAssembly from
# Debian's source packages (no download from anywhere else): GSL and inih for
# the model, SDL2, FreeType and SDL2_ttf for the window. Installs Debian's
# emscripten and dpkg-dev when missing, adds a deb-src entry beside the
# machine's deb entries when there is none, and builds into a cache outside
# the source tree, one stamp per library: a second run only checks stamps.
#
#   web/build-deps.sh [model|window|all]   (default all; `make web` calls it)
#
# Cache: $TRANSIM_WEB_CACHE, or ${XDG_CACHE_HOME:-~/.cache}/transim-web, with
# src/ (unpacked sources), prefix/ (headers and static libraries) and stamps/.
# Prints the prefix on its last line. Jobs: $JOBS (default 2).
set -euo pipefail
# One block: bash reads the whole file before running any of it, so that an
# edit while it builds cannot change what the running copy does.
{

what=${1:-all}
cache=${TRANSIM_WEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/transim-web}
jobs=${JOBS:-2}
prefix=$cache/prefix
mkdir -p "$cache/src" "$prefix/lib" "$prefix/include" "$cache/stamps"
say() { echo "web-deps: $*" >&2; }

sudo_cmd=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then sudo_cmd=sudo
  else sudo_cmd=none; fi
fi
as_root() {
  if [ "$sudo_cmd" = none ]; then
    say "not root and no sudo: as root run: $*"; exit 1
  fi
  $sudo_cmd "$@"
}

# ---- tools ----
need=""
command -v emcc >/dev/null || need="$need emscripten"
command -v dpkg-source >/dev/null || need="$need dpkg-dev"
command -v cmake >/dev/null || need="$need cmake"
command -v make >/dev/null || need="$need make"
updated=0
if [ -n "$need" ]; then
  say "installing:$need"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  updated=1
  as_root apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

# emcc finds acorn among Debian's Node modules; a Node from elsewhere does
# not look there by itself.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
# Debian's cache of emscripten's system libraries is frozen: use it as it is
# (libc and friends are prebuilt there); no port is ever asked for.
export EM_FROZEN_CACHE=1

# ---- sources ----
have_deb_src() {
  grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/
}
# fetch SRCPKG: unpacks Debian's source of SRCPKG under src/SRCPKG/ once;
# prints the unpacked folder.
fetch() {
  local pkg=$1 dir=$cache/src/$1
  if [ ! -f "$dir/.unpacked" ]; then
    if ! have_deb_src; then
      say "adding a deb-src entry (/etc/apt/sources.list.d/transim-deb-src.sources)"
      local from=/etc/apt/sources.list.d/debian.sources
      if [ -f "$from" ]; then
        sed 's/^Types: deb$/Types: deb-src/' "$from" | as_root tee /etc/apt/sources.list.d/transim-deb-src.sources >/dev/null
      else
        grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | as_root tee /etc/apt/sources.list.d/transim-deb-src.list >/dev/null
      fi
      updated=0
    fi
    if [ "$updated" = 0 ]; then
      as_root apt-get update -qq
      updated=1
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    say "fetching Debian's source of $pkg"
    if ! (cd "$dir" && apt-get source -qq --only-source "$pkg" >/dev/null 2>"$dir/.log"); then
      # A source the mirror no longer holds: the next release's, through a
      # private source list that leaves the machine's apt as it was.
      say "apt-get source $pkg failed; trying Debian $NEXT_SUITE's source"
      local lists=$cache/apt-$NEXT_SUITE
      mkdir -p "$lists/lists/partial"
      echo "deb-src $MIRROR $NEXT_SUITE main" >"$lists/sources.list"
      local opts=(-o Dir::Etc::sourcelist="$lists/sources.list" -o Dir::Etc::sourceparts=-
                  -o Dir::State::Lists="$lists/lists")
      rm -rf "$dir"; mkdir -p "$dir"
      (apt-get "${opts[@]}" update -qq &&
       cd "$dir" && apt-get "${opts[@]}" source -qq --only-source "$pkg") >"$dir/.log" 2>&1 || {
        cat "$dir/.log" >&2; say "apt-get source $pkg failed"; exit 1; }
    fi
    touch "$dir/.unpacked"
  fi
  find "$dir" -mindepth 1 -maxdepth 1 -type d | head -1
}

# Where a source missing from the machine's release is looked for.
NEXT_SUITE=${TRANSIM_WEB_NEXT_SUITE:-trixie}
MIRROR=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
MIRROR=${MIRROR:-http://deb.debian.org/debian}

stamp() { echo "$cache/stamps/$1"; }

# ---- GSL ----
# The parts of GSL the model uses (the ODE driver, the nonlinear least
# squares of the fit, random numbers) and what they call; the link of the
# web build fails on any symbol missing here.
GSL_PARTS="gsl utils sys err complex block vector matrix permutation sort ieee-utils cblas blas
           linalg rng ode-initval2 multifit_nlinear poly eigen"
build_gsl() {
  [ -f "$(stamp gsl)" ] && return 0
  local src; src=$(fetch gsl)
  say "building GSL in $src (the longest part: many minutes)"
  # Its config.sub predates emscripten: Debian's newer one knows it.
  for f in /usr/share/misc/config.sub /usr/share/misc/config.guess; do
    [ -f "$f" ] && cp "$f" "$src/"
  done
  (cd "$src" &&
    { [ -f config.status ] ||
      emconfigure ./configure --host=wasm32-unknown-emscripten --build="$(uname -m)-linux-gnu" \
        --prefix="$prefix" --disable-shared --enable-static --disable-dependency-tracking \
        CFLAGS="-O2" >"$cache/gsl-configure.log" 2>&1; } &&
    for d in $GSL_PARTS; do
      emmake make -C "$d" -j"$jobs" || exit 1
    done >"$cache/gsl-make.log" 2>&1) || {
    tail -30 "$cache"/gsl-*.log >&2; say "GSL failed (logs in $cache)"; exit 1; }
  rm -f "$prefix/lib/libgsl.a"
  local d
  for d in $GSL_PARTS; do
    [ "$d" = gsl ] || emar q "$prefix/lib/libgsl.a" "$src/$d"/*.o
  done
  emranlib "$prefix/lib/libgsl.a"
  rm -rf "$prefix/include/gsl"
  mkdir -p "$prefix/include/gsl"
  cp -L "$src"/gsl/*.h "$prefix/include/gsl/"
  touch "$(stamp gsl)"
}

# ---- inih ----
build_inih() {
  [ -f "$(stamp inih)" ] && return 0
  local src; src=$(fetch libinih)
  say "building inih"
  # The options of Debian's own build (meson defaults): what the native
  # reader does, the web reader does.
  emcc -O2 -c "$src/ini.c" -o "$cache/ini.o"
  emar rcs "$prefix/lib/libinih.a" "$cache/ini.o"
  cp "$src/ini.h" "$prefix/include/"
  touch "$(stamp inih)"
}

# ---- FreeType ----
build_freetype() {
  [ -f "$(stamp freetype)" ] && return 0
  local src; src=$(fetch freetype)
  say "building FreeType"
  rm -rf "$cache/build-freetype"
  (emcmake cmake -S "$src" -B "$cache/build-freetype" -DCMAKE_BUILD_TYPE=Release \
     -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF \
     -DFT_DISABLE_ZLIB=ON -DFT_DISABLE_BZIP2=ON -DFT_DISABLE_PNG=ON \
     -DFT_DISABLE_HARFBUZZ=ON -DFT_DISABLE_BROTLI=ON &&
   cmake --build "$cache/build-freetype" -j "$jobs" &&
   cmake --install "$cache/build-freetype") >"$cache/freetype.log" 2>&1 || {
    tail -30 "$cache/freetype.log" >&2; say "FreeType failed"; exit 1; }
  touch "$(stamp freetype)"
}

# ---- SDL2 ----
build_sdl2() {
  [ -f "$(stamp sdl2)" ] && return 0
  local src; src=$(fetch libsdl2)
  say "building SDL2"
  rm -rf "$cache/build-sdl2"
  (emcmake cmake -S "$src" -B "$cache/build-sdl2" -DCMAKE_BUILD_TYPE=Release \
     -DCMAKE_INSTALL_PREFIX="$prefix" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
     -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF \
     -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF \
     -DSDL_OPENGL=OFF -DSDL_OPENGLES=OFF &&
   cmake --build "$cache/build-sdl2" -j "$jobs" &&
   cmake --install "$cache/build-sdl2") >"$cache/sdl2.log" 2>&1 || {
    tail -30 "$cache/sdl2.log" >&2; say "SDL2 failed"; exit 1; }
  touch "$(stamp sdl2)"
}

# ---- SDL2_ttf ----
build_sdl2_ttf() {
  [ -f "$(stamp sdl2_ttf)" ] && return 0
  local src; src=$(fetch libsdl2-ttf)
  say "building SDL2_ttf"
  # One source file: compiled directly, against the SDL2 and FreeType above.
  emcc -O2 -c "$src/SDL_ttf.c" -o "$cache/SDL_ttf.o" -I"$prefix/include/SDL2" \
    -I"$prefix/include/freetype2" -DTTF_USE_HARFBUZZ=0
  emar rcs "$prefix/lib/libSDL2_ttf.a" "$cache/SDL_ttf.o"
  cp "$src/SDL_ttf.h" "$prefix/include/SDL2/"
  touch "$(stamp sdl2_ttf)"
}

main() {
  case "$what" in model|all|window) ;; *) say "usage: build-deps.sh [model|window|all]"; exit 2;; esac
  if [ "$what" != window ]; then
    build_gsl
    build_inih
  fi
  if [ "$what" != model ]; then
    build_freetype
    build_sdl2
    build_sdl2_ttf
  fi
  echo "$prefix"
}
main
exit
}
