#!/usr/bin/env bash
# How long the command screen (the page at /) takes to open the whole city's scope, and a street of it, in a
# real browser, in one run on this machine:
#   1. a fresh service (the packaged jar against a fresh database on the machine's PostgreSQL and this
#      script's own Mosquitto, as screen-latency.sh runs it), with the demo city of --base-cells cells;
#   2. --events open cases (hotline cases of a dispatcher's token, POST /api/v1/events) in base cells spread
#      over the city, a third each GREEN, YELLOW and RED, so that the list, the colours and the figures
#      have something to show;
#   3. the bench's ScreenOpen, in headless Chromium at 1920x1080: signs in as the demo `dispatcher` (the
#      whole district), then --runs times loads the page and times, from the navigation's start, until the
#      page marks the scope shown (its cells drawn and coloured, its events listed, its figures filled:
#      performance.mark('scope-shown') and body[data-scope-shown], screen/app.js), then clicks a street and
#      times the drill-down from the click to the street's mark. Prints each run, with the page's API calls
#      (the slowest three: server wait and total ms), then a Markdown row, and stops everything it started.
#
# Build first:  ./mvnw package -DskipTests && ./mvnw -q -f bench/pom.xml package
# Run:          bench/screen-open.sh [--base-cells=100000] [--runs=7] [--events=300] [--keep-logs]
# Env:          BASE_CELLS RUNS EVENTS SERVICE_JAR BENCH_JAR SERVICE_JAVA_OPTS HTTP_PORT MANAGEMENT_PORT PORT DB
#               READY_TIMEOUT PGHOST PGPORT PGUSER CHROMIUM CHROMEDRIVER
# Needs java, curl, jq, mosquitto, psql, and Debian's chromium and chromium-driver.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_CELLS="${BASE_CELLS:-100000}" # the demo city's size (GRID_DEMO_BASE_CELLS)
RUNS="${RUNS:-7}"                  # page loads timed (each followed by a drill-down)
EVENTS="${EVENTS:-300}"            # open cases raised before the runs
SERVICE_JAR="${SERVICE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/grid-command-bench.jar}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m}"
HTTP_PORT="${HTTP_PORT:-18380}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19380}"
PORT="${PORT:-18961}"
DB="${DB:-gridscreenopen}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
READY_TIMEOUT="${READY_TIMEOUT:-600}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
KEEP_LOGS="${KEEP_LOGS:-0}"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    --base-cells=*) BASE_CELLS="${arg#*=}" ;;
    --runs=*) RUNS="${arg#*=}" ;;
    --events=*) EVENTS="${arg#*=}" ;;
    --keep-logs) KEEP_LOGS=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "screen-open.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

log() { printf '[screen-open %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'screen-open.sh: error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
for v in BASE_CELLS RUNS EVENTS HTTP_PORT MANAGEMENT_PORT PORT READY_TIMEOUT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
(( RUNS > 0 )) || die "RUNS must be at least 1"
[[ "$DB" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "DB must be a plain lower-case name, got '$DB'"
for tool in java curl jq mosquitto psql; do command -v "$tool" >/dev/null || die "$tool not found on PATH"; done
[[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]] || die "no Chromium at $CHROMIUM or no driver at $CHROMEDRIVER (apt-get install chromium chromium-driver)"
[[ -f "$SERVICE_JAR" ]] || die "no service jar at $SERVICE_JAR (./mvnw package -DskipTests)"
[[ -f "$BENCH_JAR" ]] || die "no bench jar at $BENCH_JAR (./mvnw -q -f bench/pom.xml package)"
has_token_command "$SERVICE_JAR" || die "$SERVICE_JAR has no token command: build this work tree first"
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -Atq)
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null || die "no PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-screen-open.XXXXXX")"
SVC_PID="" MOSQ_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SVC_PID" service
  stop_pid "$MOSQ_PID" mosquitto
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  if [[ $rc -eq 0 && "$KEEP_LOGS" != 1 ]]; then rm -rf "$TMP"; else log "logs kept in $TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- 1. the broker and the service
PORT="$(free_port "$PORT")"
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type error\n' "$PORT" \
  >"$TMP/mosquitto.conf"
mosquitto -c "$TMP/mosquitto.conf" >"$TMP/mosquitto.log" 2>&1 &
MOSQ_PID=$!
sleep 0.5
kill -0 "$MOSQ_PID" 2>/dev/null || { cat "$TMP/mosquitto.log" >&2; die "mosquitto did not start"; }

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB TEMPLATE template0" >/dev/null
HTTP_PORT="$(free_port "$HTTP_PORT")"
MANAGEMENT_PORT="$(free_port "$MANAGEMENT_PORT")"
KEY_FILE="$TMP/identity/signing-key.jwk"
admin_auth "$SERVICE_JAR" "$KEY_FILE" >/dev/null || die "the token command failed"
log "starting the service (http $HTTP_PORT, management $MANAGEMENT_PORT, db $DB, $BASE_CELLS base cells, $SERVICE_JAVA_OPTS)"
started="$(now_ms)"
# shellcheck disable=SC2086
(cd "$TMP" && exec env GRID_MQTT_URL="tcp://127.0.0.1:$PORT" GRID_DB_URL="postgresql://$PGHOST:$PGPORT/$DB" \
  GRID_DB_USERNAME="$PGUSER" GRID_MQTT_CLIENT_ID="grid-screen-open" QUARKUS_HTTP_PORT="$HTTP_PORT" \
  GRID_HTTP_PORT="$HTTP_PORT" GRID_MANAGEMENT_PORT="$MANAGEMENT_PORT" GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true \
  GRID_AUTH_SIGNING_KEY="$KEY_FILE" GRID_DEMO_ENABLED=true GRID_DEMO_BASE_CELLS="$BASE_CELLS" \
  java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR") >"$TMP/service.log" 2>&1 &
SVC_PID=$!
ready=0
for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
  [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]] && { ready=1; break; }
  kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$TMP/service.log" >&2; die "the service exited during start-up"; }
  sleep 0.5
done
(( ready )) || { tail -30 "$TMP/service.log" >&2; die "the service was not ready within $READY_TIMEOUT s"; }
log "  ready after $(( ($(now_ms) - started) / 1000 )) s"
API="http://127.0.0.1:$HTTP_PORT/api/v1"

# ---------------------------------------------------------------- 2. open cases spread over the city
curl -sf "${AUTH[@]}" "$API/grids" -o "$TMP/grid.json" || die "GET /api/v1/grids failed"
district="$(jq -r '[.features[].properties | select(.level == "district") | .code] | first // empty' "$TMP/grid.json")"
[[ -n "$district" ]] || die "no district in the grid in force"
jq -r '.features[].properties | select(.kind == "base" and .level == "grid") | .code' "$TMP/grid.json" >"$TMP/base-cells"
base="$(wc -l <"$TMP/base-cells")"
rm -f "$TMP/grid.json"
(( base > 0 )) || die "no base cells in the grid in force"
DISPATCHER="$(mint_token "$SERVICE_JAR" "$KEY_FILE" --user bench-dispatcher --role dispatcher --cells "$district" --ttl 12h)"
log "raising $EVENTS open cases over $base base cells of $district"
severities=(GREEN YELLOW RED)
categories=(construction flooding advertising)
raised=0
for ((e = 0; e < EVENTS; e++)); do
  cell="$(sed -n "$(( e * base / (EVENTS > 0 ? EVENTS : 1) + 1 ))p" "$TMP/base-cells")"
  body="$(jq -nc --arg c "$cell" --arg s "${severities[e % 3]}" --arg k "${categories[e % 3]}" \
    '{category: $k, severity: $s, cell: $c, origin: "dispatcher", description: "bench/screen-open.sh"}')"
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $DISPATCHER" -H 'Content-Type: application/json' \
    -d "$body" "$API/events")"
  [[ "$code" == 201 || "$code" == 200 ]] && raised=$((raised + 1))
done
(( EVENTS == 0 || raised > 0 )) || die "no case could be raised (POST /api/v1/events)"
log "  $raised cases raised"

# ---------------------------------------------------------------- 3. the browser
log "ScreenOpen: $RUNS page loads as the demo dispatcher of $district, each with a drill-down into a street"
java -cp "$BENCH_JAR" city.gridcommand.bench.ScreenOpen --url="http://127.0.0.1:$HTTP_PORT/" --user=dispatcher \
  --password=demo --runs="$RUNS" --chromium="$CHROMIUM" --driver="$CHROMEDRIVER" 2>"$TMP/screen-open.log" \
  | tee "$TMP/runs.txt" >&2 || { tail -30 "$TMP/screen-open.log" >&2; die "ScreenOpen failed"; }
summary="$(grep '^summary ' "$TMP/runs.txt" | tail -1)"
[[ -n "$summary" ]] || die "ScreenOpen printed no summary"
val() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$summary"; }
first="$(grep '^run=1 ' "$TMP/runs.txt" | sed -n 's/.*open_ms=\([0-9]*\).*/\1/p')"
children="$(grep '^run=1 ' "$TMP/runs.txt" | sed -n 's/.*open_ms=[0-9]* cells=\([0-9]*\).*/\1/p')"

THIS="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
[[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -1)" ]] && THIS="$THIS (+local changes)"
MACHINE="$(nproc) × $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/^MemTotal:/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
cat <<TABLE

$MACHINE, $(date +%F); build $THIS; demo city of $BASE_CELLS base cells ($district: $children streets drawn), $raised open cases; service $SERVICE_JAVA_OPTS; headless Chromium 1920x1080; load average $(cut -d' ' -f1-3 /proc/loadavg).

| base cells | runs | sign-in to scope ms | open: first / p50 / max ms | drill-down into a street: p50 / max ms |
|---|---|---|---|---|
| $BASE_CELLS | $(val runs) | $(val signin_ms) | $first / $(val open_p50) / $(val open_max) | $(val drill_p50) / $(val drill_max) |
TABLE
