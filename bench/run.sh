#!/usr/bin/env bash
# The benchmark: builds Release, seeds a fresh database (dotnet Web.dll seed-bench), starts the site on 127.0.0.1
# with production settings, warms it up and measures it with wrk against a static file served by the same process
# (the reference) and the pages that matter, each beside nginx serving the exact bytes of the same response from a
# file (the limit); one case is measured again while a comment is posted every 100 ms on another article; then N
# subscribers post comments through the real form and every acknowledged comment is checked to be stored exactly
# once. Results: stdout and bench/results/latest.md.
# Not part of `dotnet test`. Settings: PORT, NGINX_PORT, CONNECTIONS, DURATION (s), WARMUP (s), ROUNDS, POSTERS,
# POST_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PORT="${PORT:-5099}"
NGINX_PORT="${NGINX_PORT:-5098}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10}"
# .NET compiles hot code again, optimised, after it has run a while: measured cases are the settled server.
WARMUP="${WARMUP:-20}"
ROUNDS="${ROUNDS:-3}"
POSTERS="${POSTERS:-16}"
POST_SECONDS="${POST_SECONDS:-10}"
WORK="$ROOT/bench/work"
BASE="http://127.0.0.1:$PORT"

for tool in wrk sqlite3 curl nginx redis-server; do
  if ! command -v "$tool" >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk sqlite3 curl nginx redis-server >/dev/null
    service nginx stop >/dev/null 2>&1 || true
    service redis-server stop >/dev/null 2>&1 || true
  fi
done

source "$ROOT/bench/common.sh"
build_release
production_settings bench.db
export Diagnostics__SqlCommandHeader=true

echo "== seeding (200 articles, 101,300 comments, 1,000 readers)"
seed_start=$(date +%s)
(cd "$WORK/app" && dotnet Web.dll seed-bench) | tail -n 1 > "$WORK/seed.json"
echo "   seeded in $(( $(date +%s) - seed_start ))s"
MEDIUM=$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['MediumSlug'])")
LARGE=$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['LargeSlug'])")
python3 -c "import json;print(json.dumps(json.load(open('$WORK/seed.json'))['SubscriberEmails']))" > "$WORK/subscribers.json"
SUBSCRIBER=$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['SubscriberEmails'][-1])")
PASSWORD=$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['Password'])")

(cd "$WORK/app" && exec dotnet Web.dll --urls "$BASE") > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/healthz" >/dev/null || { echo "the site did not start; see $WORK/server.log"; tail -5 "$WORK/server.log"; exit 1; }

# Signs in through the real form (as the proxy would forward it) and prints the cookies to send.
sign_in() { # email password [base]
  local jar="$WORK/jar-$1-${3:+cluster}" token base="${3:-$BASE}"
  token=$(curl -s -c "$jar" -H "X-Forwarded-Proto: https" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -H "X-Forwarded-Proto: https" -o /dev/null \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
  # Every cookie a browser would send back: the session and the antiforgery cookie.
  awk '!/^#/ || /^#HttpOnly_/ {if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7} END {print ""}' "$jar"
}
SUB_COOKIE=$(sign_in "$SUBSCRIBER" "$PASSWORD")
EDITOR_COOKIE=$(sign_in "bench-editor@docket.test" "$PASSWORD")

# A case: its name, its address, the cookies sent (none: anonymous) and whether a comment is posted every 100 ms on
# another article while it is measured.
declare -a NAMES URLS COOKIES MIXED
add() { NAMES+=("$1"); URLS+=("$2"); COOKIES+=("${3:-}"); MIXED+=("${4:-}"); }
add "static file (reference)" "/css/site.css"
add "home page" "/"
add "300-comment article, anonymous" "/articles/$MEDIUM"
add "300-comment article, anonymous, a comment every 100 ms elsewhere" "/articles/$MEDIUM" "" mixed
add "1,000-comment article, anonymous" "/articles/$LARGE"
add "300-comment article, subscriber" "/articles/$MEDIUM" "$SUB_COOKIE"
add "pending queue, editor" "/moderation?queue=pending" "$EDITOR_COOKIE"
add "search" "/search?q=appeal+ruling"
# The other article the trickle posts on (not the measured one), and who posts.
python3 -c "import json;print(json.dumps(json.load(open('$WORK/seed.json'))['SubscriberEmails'][:1]))" > "$WORK/trickler.json"

run_wrk() { # url cookie seconds [base]
  # As a browser asks: compressed if the site will (anonymous pages are; pages with a session are not).
  local args=(-t2 "-c$CONNECTIONS" "-d$3s" --latency -H "X-Forwarded-Proto: https" -H "Accept-Encoding: br, gzip")
  [ -n "$2" ] && args+=(-H "Cookie: $2")
  wrk "${args[@]}" "${4:-$BASE}$1"
}

# The limit: nginx serving, from a file, the exact bytes the site answers each case with (asked as wrk asks), with
# the same type and encoding. nginx has the same two cores as the site.
# In /tmp, which nginx's unprivileged workers can read.
NGINX=$(mktemp -d /tmp/docket-bench-nginx.XXXXXX)
chmod 755 "$NGINX"
mkdir -p "$NGINX/files"
{
  echo "worker_processes auto; pid $NGINX/nginx.pid; error_log $NGINX/error.log warn; daemon off;"
  echo "events { worker_connections 4096; }"
  echo "http { access_log off; sendfile on; tcp_nodelay on; keepalive_requests 100000; types { }"
  echo "  client_body_temp_path $NGINX/body; proxy_temp_path $NGINX/proxy; fastcgi_temp_path $NGINX/fastcgi; uwsgi_temp_path $NGINX/uwsgi; scgi_temp_path $NGINX/scgi;"
  echo "  server { listen 127.0.0.1:$NGINX_PORT; root $NGINX/files;"
  for i in "${!URLS[@]}"; do
    wire=(-s -H "X-Forwarded-Proto: https" -H "Accept-Encoding: br, gzip" -D "$NGINX/headers-$i" -o "$NGINX/files/case-$i")
    [ -n "${COOKIES[$i]}" ] && wire+=(-H "Cookie: ${COOKIES[$i]}")
    curl "${wire[@]}" "$BASE${URLS[$i]}"
    type=$(awk 'tolower($1)=="content-type:"{$1=""; print substr($0,2)}' "$NGINX/headers-$i" | tr -d '\r')
    encoding=$(awk 'tolower($1)=="content-encoding:"{print $2}' "$NGINX/headers-$i" | tr -d '\r')
    echo "    location = /case-$i { default_type \"$type\";${encoding:+ add_header Content-Encoding $encoding;} }"
  done
  echo "  }"
  echo "}"
} > "$NGINX/nginx.conf"
nginx -c "$NGINX/nginx.conf" -p "$NGINX" > "$NGINX/nginx.log" 2>&1 &
NGINX_PID=$!
trap 'kill $SERVER $NGINX_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/case-0" && break; sleep 0.2; done

# The round whose requests a second are the median of the rounds of PREFIX-ROUND.txt.
median_round() {
  for round in $(seq 1 "$ROUNDS"); do echo "$(awk '/Requests\/sec/{print $2}' "$1-$round.txt") $round"; done \
    | sort -n | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}'
}

echo "== warming up (${WARMUP}s per case)"
for i in "${!URLS[@]}"; do run_wrk "${URLS[$i]}" "${COOKIES[$i]}" "$WARMUP" >/dev/null; done

echo "== measuring ($CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds)"
# Two cores shared with wrk make single runs noisy: every case runs once per round, the rounds interleave the cases
# (so a slow patch of time hits them alike), and each case reports its median round. Errors count every round.
declare -a RPS P50 P99 ERRORS SQL BYTES NGINX_RPS TRICKLED
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!URLS[@]}"; do
    if [ -n "${MIXED[$i]}" ]; then
      # The trickle signs in and posts its first comment before wrk starts, and outlasts it.
      dotnet "$WORK/client/LoadClient.dll" "$BASE" "$LARGE" "$WORK/trickler.json" "$PASSWORD" 1 "$(( DURATION + 2 ))" "$WORK/trickle-$round.json" 100 > /dev/null &
      TRICKLE=$!
      for _ in $(seq 1 100); do [ -f "$WORK/trickle-$round.json.ready" ] && break; sleep 0.1; done
    fi
    run_wrk "${URLS[$i]}" "${COOKIES[$i]}" "$DURATION" > "$WORK/wrk-$i-$round.txt"
    if [ -n "${MIXED[$i]}" ]; then
      wait "$TRICKLE"
    else
      run_wrk "/case-$i" "" "$DURATION" "http://127.0.0.1:$NGINX_PORT" > "$WORK/nginx-$i-$round.txt"
    fi
    echo "   round $round, ${NAMES[$i]}: $(awk '/Requests\/sec/{print $2}' "$WORK/wrk-$i-$round.txt") req/s"
  done
done
for i in "${!URLS[@]}"; do
  median=$(median_round "$WORK/wrk-$i")
  out=$(cat "$WORK/wrk-$i-$median.txt")
  RPS[$i]=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  if [ -n "${MIXED[$i]}" ]; then
    NGINX_RPS[$i]=""
    TRICKLED[$i]=$(python3 -c "import json;print(json.load(open('$WORK/trickle-$median.json'))['acknowledged'])")
  else
    NGINX_RPS[$i]=$(awk '/Requests\/sec/{print $2}' "$WORK/nginx-$i-$(median_round "$WORK/nginx-$i").txt")
  fi
  P50[$i]=$(echo "$out" | awk '$1=="50%"{print $2}')
  P99[$i]=$(echo "$out" | awk '$1=="99%"{print $2}')
  ERRORS[$i]=0
  for round in $(seq 1 "$ROUNDS"); do
    non2xx=$(awk '/Non-2xx/{print $NF}' "$WORK/wrk-$i-$round.txt"); non2xx=${non2xx:-0}
    sockets=$(awk -F'[ ,]+' '/Socket errors/{print $4+$6+$8+$10}' "$WORK/wrk-$i-$round.txt"); sockets=${sockets:-0}
    ERRORS[$i]=$(( ERRORS[$i] + non2xx + sockets ))
  done
  # SQL commands of a rendered page: an anonymous request with a cookie bypasses the output cache. "Fresh" is the
  # page just after a write (nothing kept in memory), "kept" the same page asked again.
  hdr=(-H "X-Forwarded-Proto: https" -H "Cookie: ${COOKIES[$i]:-bench=uncached}")
  sql_of() { curl -s -o /dev/null -D - -H "X-Count-Sql: 1" "${hdr[@]}" "$@" | awk 'tolower($1)=="x-sql-commands:"{print $2}' | tr -d '\r'; }
  fresh=$(sql_of -H "X-Bench-Fresh: 1" "$BASE${URLS[$i]}")
  kept=$(sql_of "$BASE${URLS[$i]}")
  SQL[$i]="${fresh:-0} / ${kept:-0}"
  # Bytes on the wire for one response, asked as wrk asks (compressed where the site compresses).
  wire=(-H "X-Forwarded-Proto: https" -H "Accept-Encoding: br, gzip")
  [ -n "${COOKIES[$i]}" ] && wire+=(-H "Cookie: ${COOKIES[$i]}")
  BYTES[$i]=$(curl -s -o /dev/null -w '%{size_download}' "${wire[@]}" "$BASE${URLS[$i]}")
  echo "   ${NAMES[$i]} (median): ${RPS[$i]} req/s, p50 ${P50[$i]}, p99 ${P99[$i]}, errors ${ERRORS[$i]}"
done

# The reads above never ran the posting code, which .NET would still be compiling, optimised, through most of a
# 10-second run: it is warmed up first, by other subscribers on another article (the large one), with other texts.
echo "== warming up posting (${WARMUP}s)"
python3 -c "import json;e=json.load(open('$WORK/seed.json'))['SubscriberEmails'];print(json.dumps(e[$POSTERS:2*$POSTERS]))" > "$WORK/warmers.json"
dotnet "$WORK/client/LoadClient.dll" "$BASE" "$LARGE" "$WORK/warmers.json" "$PASSWORD" "$POSTERS" "$WARMUP" "$WORK/warm-posted.json" 0 bench-warm > /dev/null
echo "== posting comments: $POSTERS subscribers for ${POST_SECONDS}s"
dotnet "$WORK/client/LoadClient.dll" "$BASE" "$MEDIUM" "$WORK/subscribers.json" "$PASSWORD" "$POSTERS" "$POST_SECONDS" "$WORK/posted.json"
PEAK_KB=$(awk '/VmHWM/{print $2}' "/proc/$SERVER/status")
kill "$SERVER" "$NGINX_PID"; wait "$SERVER" "$NGINX_PID" 2>/dev/null || true; trap - EXIT
rm -rf "$NGINX"

# Every acknowledged comment is in the database exactly once, with its text.
VERIFY=$(python3 - "$WORK/posted.json" "$WORK/bench.db" <<'PY'
import json, sqlite3, sys
posted = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
rows = dict(db.execute("SELECT Body, COUNT(*) FROM Comments WHERE Body LIKE 'bench-post %' GROUP BY Body").fetchall())
ids = dict(db.execute("SELECT Id, Body FROM Comments WHERE Body LIKE 'bench-post %'").fetchall())
acked = posted["comments"]
missing = [c for c in acked if ids.get(c["id"]) != c["body"]]
duplicated = [b for b, n in rows.items() if n > 1]
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
print(json.dumps({"acknowledged": len(acked), "stored": sum(rows.values()), "missing": len(missing), "duplicated": len(duplicated),
                  "attempts": posted["attempts"], "perSecond": posted["postsPerSecond"], "errors": posted["errors"], "integrity": integrity}))
PY
)

# The read cases again on PostgreSQL, two instances behind nginx with Redis (deploy/cluster.sh, the same published
# site and the same seeded content), beside SQLite on one instance above. Skipped with CLUSTER=0.
declare -a CLUSTER_RPS CLUSTER_P99
if [ "${CLUSTER:-1}" = 1 ]; then
  echo "== PostgreSQL, two instances behind nginx"
  CLUSTER_DIR="$WORK/cluster"
  export CLUSTER_DIR CLUSTER_DATABASE=postgres CLUSTER_APP="$WORK/app" CLUSTER_SEED=bench
  bash "$ROOT/deploy/cluster.sh" up > "$WORK/cluster.txt"
  trap 'bash "$ROOT/deploy/cluster.sh" down >/dev/null 2>&1 || true' EXIT
  CLUSTER_BASE=$(sed -n 's/^url: //p' "$WORK/cluster.txt")
  CLUSTER_SUB_COOKIE=$(sign_in "$SUBSCRIBER" "$PASSWORD" "$CLUSTER_BASE")
  CLUSTER_EDITOR_COOKIE=$(sign_in "bench-editor@docket.test" "$PASSWORD" "$CLUSTER_BASE")
  # The same reader, signed in on the cluster.
  cluster_cookie() { case "$1" in "") echo "" ;; "$SUB_COOKIE") echo "$CLUSTER_SUB_COOKIE" ;; *) echo "$CLUSTER_EDITOR_COOKIE" ;; esac; }
  READS=()
  for i in "${!URLS[@]}"; do [ "$i" -gt 0 ] && [ -z "${MIXED[$i]}" ] && READS+=("$i"); done
  for i in "${READS[@]}"; do run_wrk "${URLS[$i]}" "$(cluster_cookie "${COOKIES[$i]}")" "$WARMUP" "$CLUSTER_BASE" >/dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    for i in "${READS[@]}"; do
      run_wrk "${URLS[$i]}" "$(cluster_cookie "${COOKIES[$i]}")" "$DURATION" "$CLUSTER_BASE" > "$WORK/cluster-$i-$round.txt"
      echo "   round $round, ${NAMES[$i]} (PostgreSQL, two instances): $(awk '/Requests\/sec/{print $2}' "$WORK/cluster-$i-$round.txt") req/s"
    done
  done
  for i in "${READS[@]}"; do
    median=$(median_round "$WORK/cluster-$i")
    CLUSTER_RPS[$i]=$(awk '/Requests\/sec/{print $2}' "$WORK/cluster-$i-$median.txt")
    CLUSTER_P99[$i]=$(awk '$1=="99%"{print $2}' "$WORK/cluster-$i-$median.txt")
  done
  bash "$ROOT/deploy/cluster.sh" down > /dev/null
  trap - EXIT
fi

REF=${RPS[0]}
{
  echo "# Benchmark results"
  echo
  echo "- When: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- Commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(awk -F: '/model name/{print $2; exit}' /proc/cpuinfo | xargs)"
  echo "- Load: wrk, 2 threads, $CONNECTIONS connections, ${DURATION}s per case after a ${WARMUP}s warm-up of each; the median of $ROUNDS interleaved rounds (errors: all rounds); on the same machine, Release build, Production settings"
  echo "- Data: 200 articles, a 300- and a 1,000-comment thread, 100,000 further comments (2,000 pending, 500 reported), 1,000 readers"
  echo
  echo "SQL commands: per request when the page is rendered, fresh (just after a write) / kept (asked again with nothing changed). Anonymous pages are normally served from the output cache, with none."
  echo
  echo "vs nginx: the site's requests a second over nginx's serving the exact bytes of the same response from a file (the same type and encoding), measured in the same rounds. The mixed case is the 300-comment article measured while one subscriber posts a comment every 100 ms on the 1,000-comment article; its ratio is to the quiet case."
  echo
  echo "| case | req/s | p50 | p99 | errors | vs static | vs nginx (same bytes) | nginx req/s | bytes on the wire | SQL commands (fresh / kept) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for i in "${!URLS[@]}"; do
    ratio=$(python3 -c "print(f'{${RPS[$i]}/$REF*100:.1f}%')")
    if [ -n "${MIXED[$i]}" ]; then
      limit=$(python3 -c "print(f'{${RPS[$i]}/${RPS[$((i-1))]}:.2f}x of quiet')")
    else
      limit=$(python3 -c "print(f'{${RPS[$i]}/${NGINX_RPS[$i]}:.2f}x')")
    fi
    echo "| ${NAMES[$i]} | ${RPS[$i]} | ${P50[$i]} | ${P99[$i]} | ${ERRORS[$i]} | $ratio | $limit | ${NGINX_RPS[$i]:-} | ${BYTES[$i]:-} | ${SQL[$i]:-} |"
  done
  for i in "${!URLS[@]}"; do
    if [ -n "${MIXED[$i]}" ]; then
      echo
      echo "Comments posted during the mixed case's median round: ${TRICKLED[$i]} (one every 100 ms for the $(( DURATION + 2 )) s the trickle runs is $(( (DURATION + 2) * 10 )))"
    fi
  done
  echo
  echo "Comment posting ($POSTERS subscribers, ${POST_SECONDS}s, through the form with antiforgery tokens): $VERIFY"
  echo
  echo "Server peak memory (VmHWM): $(( PEAK_KB / 1024 )) MiB"
  if [ "${#CLUSTER_RPS[@]}" -gt 0 ]; then
    echo
    echo "The read cases on PostgreSQL 15, two instances behind nginx with Redis (deploy/cluster.sh, the same content), beside SQLite on one instance above, in the same run:"
    echo
    echo "| case | SQLite, one instance | PostgreSQL, two instances | p99 | ratio |"
    echo "|---|---:|---:|---:|---:|"
    for i in "${!CLUSTER_RPS[@]}"; do
      echo "| ${NAMES[$i]} | ${RPS[$i]} | ${CLUSTER_RPS[$i]} | ${CLUSTER_P99[$i]} | $(python3 -c "print(f'{${CLUSTER_RPS[$i]}/${RPS[$i]}:.2f}x')") |"
    done
  fi
} | tee "$ROOT/bench/results/latest.md"
