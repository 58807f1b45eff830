#!/usr/bin/env bash
# Security scanners against a loopback instance, as an anonymous reader and as a signed-in subscriber: wapiti (XSS,
# SQL injection, command execution, file handling, open redirects, CRLF) and sqlmap (SQL injection in the search,
# the article page and the comment form). Debian packages; nothing leaves 127.0.0.1. Results: bench/results/scan.md.
# Not part of `dotnet test`. Settings: PORT, SCAN_SECONDS (wapiti's time per identity).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PORT="${PORT:-5097}"
SCAN_SECONDS="${SCAN_SECONDS:-240}"
WORK="$ROOT/bench/work-scan"
BASE="http://127.0.0.1:$PORT"

command -v wapiti >/dev/null && command -v sqlmap >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wapiti sqlmap curl >/dev/null; }

rm -rf "$WORK" && mkdir -p "$WORK/home" "$ROOT/bench/results"
export HOME="$WORK/home"
# wapiti 3.0.4 downloads its technology database unless an (empty) one is present. Its -x (exclude) fails on
# Python 3.11, so no URL is excluded: the subscriber's scan may sign itself out, and then goes on as anonymous.
mkdir -p "$HOME/.wapiti/config" && echo '{}' > "$HOME/.wapiti/config/apps.json"

echo "== building Release"
dotnet publish "$ROOT/Web/Web.csproj" -c Release -o "$WORK/app" -v quiet -nologo >/dev/null
export ASPNETCORE_ENVIRONMENT=Development DemoContent__Enabled=true Security__HttpsCookies=false
export ConnectionStrings__Blog="Data Source=$WORK/scan.db" Mail__PickupDirectory="$WORK/mail" Site__BaseUrl="$BASE"
(cd "$WORK/app" && exec dotnet Web.dll --urls "$BASE") > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

# A subscriber's session cookie, signed in through the real form.
jar="$WORK/jar"
token=$(curl -s -c "$jar" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=sam@docket.test" \
  --data-urlencode "Input.Password=demo subscriber passphrase" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/login"
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7}' "$jar")

ARTICLE=$(curl -s "$BASE/" | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//;s/"$//')
summary="$WORK/summary.txt"; : > "$summary"
run_wapiti() {
  local who=$1; shift
  timeout $(( SCAN_SECONDS + 60 )) wapiti -u "$BASE/" --scope folder -m "xss,sql,exec,file,redirect,crlf,permanentxss" \
    --max-scan-time "$SCAN_SECONDS" --flush-session -f txt -o "$WORK/wapiti-$who.txt" "$@" \
    > "$WORK/wapiti-$who.log" 2>&1 || true
  # The report opens with a count per kind of vulnerability and of anomaly (500s, slow answers): list those found.
  local found
  found=$(awk -F: '/Summary of vulnerabilities|Summary of anomalies/{on=1} /^\*+$/{on=0} on && $2+0>0 {gsub(/^ +/, "", $1); printf "%s%s: %d", sep, $1, $2; sep="; "}' "$WORK/wapiti-$who.txt" 2>/dev/null)
  echo "wapiti ($who): ${found:-nothing found} (report: bench/work-scan/wapiti-$who.txt)" >> "$summary"
}
run_sqlmap() {
  local who=$1 url=$2; shift 2
  timeout 300 sqlmap -u "$url" --batch --level 2 --risk 1 --smart --flush-session --output-dir "$WORK/sqlmap-$who" \
    --headers "X-Scan: docket" "$@" > "$WORK/sqlmap-$who.log" 2>&1 || true
  if grep -q "is vulnerable\|sqlmap identified the following injection point" "$WORK/sqlmap-$who.log"; then
    echo "sqlmap ($who, $url): INJECTION FOUND (see $WORK/sqlmap-$who.log)" >> "$summary"
  else
    local params; params=$(grep -o "GET parameter '[A-Za-z]*'" "$WORK/sqlmap-$who.log" | sort -u | sed "s/GET parameter //" | paste -sd, -)
    echo "sqlmap ($who, $url): no injection found in ${params:-no parameter}" >> "$summary"
  fi
}

echo "== wapiti, anonymous"; run_wapiti anonymous
echo "== wapiti, subscriber"; run_wapiti subscriber -H "Cookie: $COOKIE"
echo "== sqlmap"
run_sqlmap anonymous-search "$BASE/search?q=court&page=1"
run_sqlmap anonymous-cases "$BASE/cases?court=High&jurisdiction=x"
run_sqlmap subscriber-article "$BASE$ARTICLE?sort=newest&page=1" --cookie "$COOKIE"

{
  echo "# Scanner run"
  echo
  echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- wapiti $(dpkg-query -W -f '${Version}' wapiti 2>/dev/null) and sqlmap $(dpkg-query -W -f '${Version}' sqlmap 2>/dev/null) against the demo site on $BASE, ${SCAN_SECONDS}s of wapiti per identity"
  echo
  sed 's/^/- /' "$summary"
} > "$ROOT/bench/results/scan.md"
cat "$ROOT/bench/results/scan.md"
