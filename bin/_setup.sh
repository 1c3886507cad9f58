# Shared set-up for bin/run and bin/test: sourced, not executed.
# Makes .venv with Python 3.11+, installs the pinned packages, and compiles
# the translation catalogs. Re-runs are quick: installs are skipped while
# pyproject.toml is unchanged.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

APT_UPDATED=""
apt_install() {
  # Debian packages the Python packages cannot bring (venv, a browser, msgfmt's
  # extractor); installed only when missing.
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq || return 1; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Concord needs Python 3.11 or newer as '$PY' (set PYTHON=... to choose another)." >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "Creating the virtual environment in .venv"
  if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    pyver="$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    say "Installing Debian's python${pyver}-venv"
    apt_install "python${pyver}-venv" || apt_install python3-venv || {
      echo "Cannot create a virtual environment: install python3-venv first." >&2; exit 1; }
    "$PY" -m venv "$VENV"
  fi
fi

pip_quiet() {
  # pip's own exit status survives the filter (pipefail).
  "$VENV/bin/python" -m pip -q "$@" 2>&1 | { grep -v '^WARNING: Location' || true; }
}

install_python_packages() {
  local extras="$1" stamp="$VENV/.concord-installed-$1"
  local want; want="$(cat pyproject.toml bin/_setup.sh | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "Installing Python packages ($extras)"
  pip_quiet install --upgrade "pip>=24"
  # XStatic-Bootstrap (Bootstrap's CSS/JS as a Python package) is published
  # only as an sdist whose setup.py still needs pkg_resources, which
  # setuptools 81 dropped: build it against an older setuptools.
  pip_quiet install "setuptools>=69,<81" wheel
  pip_quiet install --no-build-isolation "XStatic-Bootstrap==5.3.8.0"
  local target="."
  [ "$extras" = "dev" ] && target=".[dev]"
  pip_quiet install -e "$target"
  echo "$want" > "$stamp"
}

have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

install_runtime_packages() {
  # What the PDF exports need at run time: Pango (WeasyPrint lays text out
  # with it) and CJK fonts to embed. Missing ones are installed; without
  # apt the PDF exports answer with a clear error instead.
  local missing=()
  have_lib libpango-1.0.so.0 || missing+=(libpango-1.0-0)
  have_lib libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}" || {
      [ "${CI:-}" = "true" ] && { echo "Could not install ${missing[*]}." >&2; exit 1; }
      echo "Could not install ${missing[*]}: PDF exports will not work." >&2; }
  fi
}

CONCORD="$VENV/bin/concord"
