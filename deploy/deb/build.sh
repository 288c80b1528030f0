#!/usr/bin/env bash
# `make deb`: the Debian package dist/antrian-mpp_<version>_<arch>.deb, built from this tree.
#
# The program and every Python dependency go into their own virtual environment,
# /opt/antrian/.venv, made with Debian's /usr/bin/python3 (PySide6 and python-escpos are not in
# Debian 12, and its FastAPI is too old: docs/decisions.md, "A new device in five minutes").
# The venv is built in a staging folder and its scripts' paths are then rewritten to
# /opt/antrian (what dh-virtualenv does), so building never touches the build machine's /opt.
#
# Wheels are kept in a wheelhouse ($ANTRIAN_WHEELHOUSE, default ~/.cache/antrian/wheelhouse):
# a rebuild installs from it without asking PyPI, and only a changed dependency is fetched.
# Options (environment): VERSION (default: pyproject's), DIST (default: dist),
# COMPRESSION (dpkg-deb -Z: zstd, gzip, xz or none; default zstd).
set -euo pipefail
# Nothing of the caller's Python may leak in: with PYTHONPATH on a source tree (the tests),
# pip would take this project as installed already and leave it out of the venv.
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP VIRTUAL_ENV PIP_USER
cd "$(dirname "$0")/../.."
SRC=$PWD
PYTHON=/usr/bin/python3   # the target's interpreter: the venv links to it
VERSION=${VERSION:-$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)}
ARCH=$(dpkg --print-architecture)
DIST=${DIST:-dist}
COMPRESSION=${COMPRESSION:-zstd}
WHEELHOUSE=${ANTRIAN_WHEELHOUSE:-$HOME/.cache/antrian/wheelhouse}
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/antrian-deb.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
ROOT=$STAGE/root
VENV=$ROOT/opt/antrian/.venv
started=$(date +%s)

mkdir -p "$WHEELHOUSE" "$DIST"
echo "== venv ($PYTHON) in $VENV"
"$PYTHON" -m venv "$VENV"
# This tree as a wheel (build backend from the wheelhouse when it has it).
mkdir -p "$STAGE/app"
offline=(--no-index --find-links "$WHEELHOUSE")
if ! "$VENV/bin/pip" wheel -q --no-deps "${offline[@]}" -w "$STAGE/app" "$SRC" 2>/dev/null; then
    "$VENV/bin/pip" download -q -d "$WHEELHOUSE" "setuptools>=68" wheel
    "$VENV/bin/pip" wheel -q --no-deps "${offline[@]}" -w "$STAGE/app" "$SRC"
fi
app_wheel=$(ls "$STAGE"/app/*.whl)
echo "== dependencies (wheelhouse $WHEELHOUSE)"
if ! "$VENV/bin/pip" install -q "${offline[@]}" "$app_wheel" 2>/dev/null; then
    echo "   fetching what the wheelhouse lacks"
    "$VENV/bin/pip" wheel -q -w "$WHEELHOUSE" "$app_wheel"
    "$VENV/bin/pip" install -q "${offline[@]}" "$app_wheel"
fi
rm -f "$WHEELHOUSE"/antrian_mpp-*.whl   # the app itself is rebuilt every time

# Relocate: the scripts' #! lines and activate files name the staging path.
grep -rlI --null "$VENV" "$VENV/bin" | xargs -0 -r sed -i "s|$VENV|/opt/antrian/.venv|g"
find "$VENV" -name direct_url.json -delete   # names the staging wheel; nothing reads it

echo "== files"
install -D -m 0644 docs/operations.md "$ROOT/opt/antrian/docs/operations.md"
install -d "$ROOT/usr/bin"
ln -s /opt/antrian/.venv/bin/antrian "$ROOT/usr/bin/antrian"
for unit in deploy/systemd/*; do install -D -m 0644 "$unit" "$ROOT/lib/systemd/system/$(basename "$unit")"; done
install -D -m 0644 deploy/udev/60-antrian-printer.rules "$ROOT/lib/udev/rules.d/60-antrian-printer.rules"
doc=$ROOT/usr/share/doc/antrian-mpp
install -d "$doc/examples"
install -m 0644 config/server.toml config/kiosk.toml config/display.toml "$doc/examples/"
install -m 0644 deploy/deb/copyright "$doc/copyright"
install -d -m 0750 "$ROOT/etc/antrian"

echo "== control"
install -d "$ROOT/DEBIAN"
depends=$(grep -v '^#' deploy/deb/depends.txt | tr -s ' \n' ' ' | sed 's/^ //; s/ $//; s/ /, /g')
size=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
sed -e "s|@VERSION@|$VERSION|" -e "s|@ARCH@|$ARCH|" -e "s|@DEPENDS@|$depends|" \
    -e "s|@SIZE@|$size|" deploy/deb/control.in > "$ROOT/DEBIAN/control"
for script in postinst prerm postrm; do install -m 0755 "deploy/deb/$script" "$ROOT/DEBIAN/"; done

out=$DIST/antrian-mpp_${VERSION}_${ARCH}.deb
echo "== dpkg-deb -Z$COMPRESSION"
dpkg-deb --root-owner-group -Z"$COMPRESSION" --build "$ROOT" "$out" >/dev/null
echo "$out ($(du -h "$out" | cut -f1), installed ${size} KiB, $(( $(date +%s) - started )) s)"
