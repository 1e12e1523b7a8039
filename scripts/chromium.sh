#!/usr/bin/env bash
# Makes sure Debian's Chromium (/usr/bin/chromium) and a Java runtime (for the Nu HTML checker)
# are there for the browser tests.
set -euo pipefail
if ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
    else
        echo "The HTML checker needs Java: sudo apt-get install default-jre-headless" >&2
        exit 1
    fi
fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium from Debian packages..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
else
    echo "The browser tests need Chromium: sudo apt-get install chromium chromium-driver" >&2
    exit 1
fi
