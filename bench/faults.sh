#!/usr/bin/env bash
# Faults: the server is killed with SIGKILL while subscribers post comments, ROUNDS times, and restarted each time.
# Afterwards every comment the site acknowledged must be in the database exactly once with its text, and
# PRAGMA integrity_check must say ok. The load client records each acknowledgement the moment it arrives and
# carries on through the dead server (signing in again). Results: stdout and bench/results/faults.md.
# Not part of `dotnet test`. Settings: PORT, ROUNDS, POSTERS, UP_SECONDS (how long the server lives each round).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PORT="${PORT:-5098}"
ROUNDS="${ROUNDS:-10}"
POSTERS="${POSTERS:-8}"
UP_SECONDS="${UP_SECONDS:-3}"
WORK="$ROOT/bench/work-faults"
BASE="http://127.0.0.1:$PORT"

for tool in sqlite3 curl python3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 curl python3 >/dev/null; }
done

source "$ROOT/bench/common.sh"
build_release
production_settings faults.db

echo "== seeding (small)"
(cd "$WORK/app" && dotnet Web.dll seed-bench --small) | tail -n 1 > "$WORK/seed.json"
SLUG=$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['MediumSlug'])")
python3 -c "import json;print(json.dumps(json.load(open('$WORK/seed.json'))['SubscriberEmails']))" > "$WORK/subscribers.json"
PASSWORD=$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['Password'])")

SERVER=""
start_server() {
  (cd "$WORK/app" && exec dotnet Web.dll --urls "$BASE") >> "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "the site did not start; see $WORK/server.log"; tail -5 "$WORK/server.log"; exit 1
}
trap '[ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null || true' EXIT

start_server
TOTAL=$(( ROUNDS * (UP_SECONDS + 4) + 5 ))
echo "== $POSTERS subscribers post for ${TOTAL}s while the server is killed $ROUNDS times"
dotnet "$WORK/client/LoadClient.dll" "$BASE" "$SLUG" "$WORK/subscribers.json" "$PASSWORD" "$POSTERS" "$TOTAL" "$WORK/posted.json" > "$WORK/client.log" 2>&1 &
CLIENT=$!
for round in $(seq 1 "$ROUNDS"); do
  sleep "$UP_SECONDS"
  kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true
  echo "   round $round: killed (acknowledged so far: $(wc -l < "$WORK/posted.json.acks"))"
  start_server
done
wait "$CLIENT" || { echo "the load client failed"; cat "$WORK/client.log"; exit 1; }
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
cat "$WORK/client.log"

RESULT=$(python3 - "$WORK/posted.json.acks" "$WORK/faults.db" <<'PY'
import json, sqlite3, sys
acked = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
db = sqlite3.connect(sys.argv[2])
ids = dict(db.execute("SELECT Id, Body FROM Comments WHERE Body LIKE 'bench-post %'").fetchall())
counts = dict(db.execute("SELECT Body, COUNT(*) FROM Comments WHERE Body LIKE 'bench-post %' GROUP BY Body").fetchall())
missing = [a for a in acked if ids.get(a["id"]) != a["body"]]
duplicated = [b for b, n in counts.items() if n > 1]
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
print(json.dumps({"acknowledged": len(acked), "stored": len(ids), "missing": len(missing), "duplicated": len(duplicated), "integrity": integrity}))
PY
)
echo "== result: $RESULT"
{
  echo "# Fault test: kill -9 during posting"
  echo
  echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- $ROUNDS rounds: the server lives ${UP_SECONDS}s under $POSTERS posting subscribers, then SIGKILL, then a restart"
  echo "- Client: $(tail -n 1 "$WORK/client.log")"
  echo "- Result: \`$RESULT\`"
} > "$ROOT/bench/results/faults.md"
python3 -c "import json,sys; r=json.loads(sys.argv[1]); sys.exit(0 if r['missing']==0 and r['duplicated']==0 and r['integrity']=='ok' and r['acknowledged']>0 else 1)" "$RESULT"
