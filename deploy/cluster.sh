#!/usr/bin/env bash
# A Docket cluster on loopback: Redis, two instances of the site on one database, and nginx in front.
#   deploy/cluster.sh up     builds the site (Release), starts everything, prints "url:" (nginx) and "instance:" lines
#   deploy/cluster.sh down   stops exactly what "up" started (by the PIDs it recorded)
# Settings: CLUSTER_DIR (state, logs, database; default /tmp/docket-cluster), PORT (nginx; default a free port),
# CLUSTER_DATABASE: sqlite (default: one file, shared by the two instances on this machine) or postgres (a
# throwaway PostgreSQL 15 cluster started by deploy/postgres.sh). Redis carries the cache's second level and backplane.
# CLUSTER_APP: a published site to run instead of building one; CLUSTER_SEED: demo (default: the demo newsroom) or
# bench (the benchmark's content, seeded before the instances start; its summary in $CLUSTER_DIR/seed.json).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${CLUSTER_DIR:-/tmp/docket-cluster}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

down() {
  if [ -f "$DIR/pids" ]; then
    while read -r name pid; do
      if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
      echo "stopped: $name ($pid)"
    done < <(tac "$DIR/pids")
    rm -f "$DIR/pids"
  fi
  if [ -d "$DIR/postgres" ]; then PG_DIR="$DIR/postgres" bash "$ROOT/deploy/postgres.sh" down >/dev/null; echo "stopped: postgres"; fi
}

up() {
  for tool in redis-server nginx curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install -y redis-server nginx curl python3"; exit 1; }
  done
  [ -f "$DIR/pids" ] && down >/dev/null
  mkdir -p "$DIR"
  rm -rf "$DIR/app" "$DIR"/cluster.db* "$DIR"/nginx-*
  local app="${CLUSTER_APP:-$DIR/app}"
  if [ -z "${CLUSTER_APP:-}" ]; then
    echo "== building the site (Release) into $DIR/app"
    dotnet publish "$ROOT/Web/Web.csproj" -c Release -o "$DIR/app" -v quiet -nologo >/dev/null
  fi

  local redis_port port1 port2 port
  redis_port="$(free_port)"; port1="$(free_port)"; port2="$(free_port)"; port="${PORT:-$(free_port)}"
  : > "$DIR/pids"

  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > "$DIR/redis.log" 2>&1 &
  echo "redis $!" >> "$DIR/pids"

  export ASPNETCORE_ENVIRONMENT=Staging
  if [ "${CLUSTER_DATABASE:-sqlite}" = postgres ]; then
    local pg
    pg="$(PG_DIR="$DIR/postgres" PG_PORT="$(free_port)" bash "$ROOT/deploy/postgres.sh" up | sed -n 's/^connection: //p')"
    export Database__Provider=Postgres
    export ConnectionStrings__Blog="${pg/Database=postgres/Database=docket}"
    echo "database: PostgreSQL (${ConnectionStrings__Blog})"
  else
    export Database__Provider=Sqlite
    export ConnectionStrings__Blog="Data Source=$DIR/cluster.db"
    echo "database: SQLite ($DIR/cluster.db)"
  fi
  export ConnectionStrings__Redis="127.0.0.1:$redis_port"
  export Site__BaseUrl="http://127.0.0.1:$port"
  export ForwardedHeaders__KnownProxies__0=127.0.0.1
  export Mail__PickupDirectory="$DIR/mail"
  if [ "${CLUSTER_SEED:-demo}" = bench ]; then
    export DemoContent__Enabled=false
    echo "== seeding the benchmark's content"
    (cd "$app" && dotnet Web.dll seed-bench) | tail -n 1 > "$DIR/seed.json"
  else
    export DemoContent__Enabled=true
  fi
  # Plain http on loopback: the cookies cannot be https-only here. Behind TLS, leave this true.
  export Security__HttpsCookies=false

  # The first instance migrates and seeds the database before the second starts on it.
  local n=1
  for p in "$port1" "$port2"; do
    (cd "$app" && exec dotnet Web.dll --urls "http://127.0.0.1:$p") > "$DIR/instance$n.log" 2>&1 &
    echo "instance$n $!" >> "$DIR/pids"
    wait_for "http://127.0.0.1:$p/healthz" 90 || { echo "instance $n did not start; see $DIR/instance$n.log"; tail -5 "$DIR/instance$n.log"; down; exit 1; }
    n=$((n + 1))
  done

  sed -e "s|@DIR@|$DIR|g" -e "s|@PORT@|$port|g" -e "s|@INSTANCE1@|$port1|g" -e "s|@INSTANCE2@|$port2|g" \
    "$ROOT/deploy/nginx.conf" > "$DIR/nginx.conf"
  mkdir -p "$DIR/nginx"
  nginx -c "$DIR/nginx.conf" -p "$DIR/nginx" > "$DIR/nginx.log" 2>&1 &
  echo "nginx $!" >> "$DIR/pids"
  wait_for "http://127.0.0.1:$port/healthz" 30 || { echo "nginx did not start; see $DIR/nginx-error.log"; down; exit 1; }

  echo "url: http://127.0.0.1:$port"
  echo "instance: http://127.0.0.1:$port1"
  echo "instance: http://127.0.0.1:$port2"
  echo "redis: 127.0.0.1:$redis_port"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: deploy/cluster.sh up|down"; exit 2 ;;
esac
