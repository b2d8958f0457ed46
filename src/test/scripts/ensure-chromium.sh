#!/usr/bin/env bash
# Installs Debian's chromium package when no Chromium is found, for the report test that opens index.html in
# headless Chromium. Maven runs it before the tests; it needs root (as on CI) only when it has to install.
set -euo pipefail

if [ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "chromium is missing and this is not root: install it with 'apt-get install -y chromium'," \
        "or set CHROMIUM to a Chromium executable" >&2
    exit 0
fi
echo "installing Debian's chromium package for the report test..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
