#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback, for the test suite on PostgreSQL and for trying the site on it.
#   deploy/postgres.sh up     initdb into PG_DIR, start it on PG_PORT, print "connection: ..." (a Npgsql string)
#   deploy/postgres.sh down   stop it and remove PG_DIR
# Settings: PG_DIR (default /tmp/docket-postgres), PG_PORT (default 55432), PGBIN (default /usr/lib/postgresql/15/bin).
# Run as root (the server runs as the postgres user) or as an ordinary user (it runs as that user).
set -euo pipefail
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
DIR="${PG_DIR:-/tmp/docket-postgres}"
PORT="${PG_PORT:-55432}"

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  up)
    [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found in $PGBIN (apt-get install postgresql-15)"; exit 1; }
    if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR" && mkdir -p "$DIR" && chmod 755 "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    as_owner "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
    # Durability as in production (fsync on), and enough connections for a test suite of many sites at once.
    as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c max_connections=300" start >/dev/null
    "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PORT" -U postgres >/dev/null
    echo "connection: Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
    ;;
  down)
    if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
    rm -rf "$DIR"
    echo "stopped"
    ;;
  *) echo "usage: deploy/postgres.sh up|down"; exit 2 ;;
esac
