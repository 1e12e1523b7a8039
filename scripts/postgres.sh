#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start` prints nothing but errors, `url` the DSN.
# Installs Debian's postgresql when it is missing and we are root; otherwise says what to install.
set -euo pipefail

PGPORT="${PGPORT:-54329}"
PGDATA="${PGDATA_DIR:-${TMPDIR:-/tmp}/idm-postgres-$(id -u)-$PGPORT}"
PGDB="${PGDB:-idm}"

find_bin() {
    local best=""
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && best="$dir"
    done
    echo "$best"
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_installed() {
    BIN="$(find_bin)"
    if [ -z "$BIN" ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing PostgreSQL from Debian packages..." >&2
            apt-get update -qq >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
            BIN="$(find_bin)"
        else
            echo "PostgreSQL is needed for the tests. Install it: sudo apt-get install postgresql" >&2
            exit 1
        fi
    fi
}

start() {
    ensure_installed
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql postgres
    fi
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
        mkdir -p "$PGDATA"
        [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
        as_postgres "$BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        as_postgres "$BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
            -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null
    fi
    if ! as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PGDB'" | grep -q 1; then
        as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$PGDB"
    fi
}

stop() {
    BIN="$(find_bin)"
    [ -n "$BIN" ] && [ -d "$PGDATA" ] && as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "postgres://postgres@127.0.0.1:$PGPORT/$PGDB" ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
