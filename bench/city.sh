#!/usr/bin/env bash
# City benchmark of Grid Command: the demo city's simulated life (`simulate`: telemetry, detections,
# worker positions, reports, status) through the service, twice in one run on this machine:
#   1. "no grid":   the service with an empty grid (nothing is located: every signal is unplaced);
#   2. "demo city": the service with the demo city loaded (2,067 cells, ~3,000 devices, 104 people):
#      every signal located, fixed devices from their cached cells, workers through the hysteresis.
# Both get the same messages (same seed) at the same rate from the simulator; the figure of merit is
# the service's CPU per stored message in each, and their ratio: what putting signals in cells costs.
# Health is read on the service's management port; the stats API with an admin token that the jar's own
# `token` command signs with this run's key (the built-in issuer, allowed explicitly: a real database).
#
# Build first:  ./mvnw package -DskipTests
# Run:          bench/city.sh [--messages=N] [--rate=R] [--port=P] [--http-port=P] [--management-port=P]
#                             [--db=NAME] [--keep-logs]
# Env:          MESSAGES RATE WARMUP PORT HTTP_PORT MANAGEMENT_PORT DB SERVICE_JAR PGHOST PGPORT PGUSER
#               SERVICE_JAVA_OPTS READY_TIMEOUT
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MESSAGES="${MESSAGES:-100000}"
RATE="${RATE:-6000}"
WARMUP="${WARMUP:-30000}"   # simulated first in each run and not measured (JIT warm-up, demo city loading)
PORT="${PORT:-18841}"
HTTP_PORT="${HTTP_PORT:-18090}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19010}"
DB="${DB:-gridcity}"
SERVICE_JAR="${SERVICE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx256m}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
KEEP_LOGS="${KEEP_LOGS:-0}"

for arg in "$@"; do
  case "$arg" in
    --messages=*) MESSAGES="${arg#*=}" ;;
    --rate=*) RATE="${arg#*=}" ;;
    --warmup=*) WARMUP="${arg#*=}" ;;
    --port=*) PORT="${arg#*=}" ;;
    --http-port=*) HTTP_PORT="${arg#*=}" ;;
    --management-port=*) MANAGEMENT_PORT="${arg#*=}" ;;
    --db=*) DB="${arg#*=}" ;;
    --keep-logs) KEEP_LOGS=1 ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "city.sh: unknown argument $arg (try --help)" >&2; exit 1 ;;
  esac
done

log() { printf '[city %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'city.sh: error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
for tool in java mosquitto psql curl jq; do command -v "$tool" >/dev/null || die "$tool not found on PATH"; done
[[ -f "$SERVICE_JAR" ]] || die "no service jar at $SERVICE_JAR (./mvnw package -DskipTests)"
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qtAc 'SELECT 1' >/dev/null || die "no PostgreSQL at $PGHOST:$PGPORT"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-city.XXXXXX")"
MOSQ_PID="" SVC_PID=""
cleanup() {
  local rc=$?
  trap - EXIT
  # run() is called in a subshell ($(run …)): its service's pid is in a file, so a failure there stops it too
  [[ -z "$SVC_PID" && -s "$TMP/service.pid" ]] && SVC_PID="$(cat "$TMP/service.pid")"
  stop_pid "$SVC_PID" service; stop_pid "$MOSQ_PID" mosquitto
  if [[ $rc -eq 0 && "$KEEP_LOGS" != 1 ]]; then rm -rf "$TMP"; else log "logs kept in $TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT


PORT="$(free_port "$PORT")"
cat >"$TMP/mosquitto.conf" <<EOF
listener $PORT 127.0.0.1
allow_anonymous true
max_inflight_messages 65535
max_queued_messages 10000000
persistence false
EOF
mosquitto -c "$TMP/mosquitto.conf" >"$TMP/mosquitto.log" 2>&1 &
MOSQ_PID=$!
sleep 0.5
log "mosquitto on 127.0.0.1:$PORT"

# The built-in issuer with this run's key; an admin token for the stats API (none for a jar from before sign-in)
KEY_FILE="$TMP/identity/signing-key.jwk"
admin_auth "$SERVICE_JAR" "$KEY_FILE" || die "the token command failed"

stats() { curl -sf "${AUTH[@]}" "http://127.0.0.1:$HTTP_PORT/api/v1/stats/ingest" || echo '{}'; }
taken() { stats | jq '[.bySource[]? | .processed + .duplicates + .rejected] | add // 0'; }

# simulate LABEL COUNT SEED: publishes COUNT messages, then waits until the service has taken at least
# TARGET (a global: what it had before plus COUNT) messages in
simulate() {
  local label="$1" count="$2" seed="$3" taken=0 last=-1 stalled=0
  java -jar "$SERVICE_JAR" simulate --url="tcp://127.0.0.1:$PORT" --rate="$RATE" --messages="$count" --seed="$seed" \
    >>"$TMP/simulate-$label.log" 2>&1 || die "simulator failed ($label); see $TMP/simulate-$label.log"
  while :; do
    taken="$(taken)"
    (( taken >= TARGET )) && break
    if (( taken == last )); then stalled=$((stalled + 1)); else stalled=0; last=$taken; fi
    (( stalled < 60 )) || die "service ($label) stopped at $taken of $TARGET; see $TMP/service-$label.log"
    sleep 0.5
  done
}

# run LABEL DEMO: one service run; prints a Markdown row
run() {
  local label="$1" demo="$2" db="${DB}_$1" i ready=0
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
  HTTP_PORT="$(free_port "$HTTP_PORT")"
  MANAGEMENT_PORT="$(free_port "$MANAGEMENT_PORT")"
  GRID_MANAGEMENT_PORT="$MANAGEMENT_PORT" GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true GRID_AUTH_SIGNING_KEY="$KEY_FILE" \
    GRID_DB_URL="postgresql://$PGHOST:$PGPORT/$db" GRID_DB_USERNAME="$PGUSER" GRID_MQTT_URL="tcp://127.0.0.1:$PORT" \
    GRID_MQTT_CLIENT_ID="grid-city-$label-$$" GRID_HTTP_PORT="$HTTP_PORT" GRID_DEMO_ENABLED="$demo" \
    GRID_INGEST_UNKNOWN_SENDERS=accept java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR" >"$TMP/service-$label.log" 2>&1 &
  SVC_PID=$!
  echo "$SVC_PID" >"$TMP/service.pid"
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]] && { ready=1; break; }
    kill -0 "$SVC_PID" 2>/dev/null || break
    sleep 0.5
  done
  [[ $ready == 1 ]] || die "service ($label) not ready; see $TMP/service-$label.log"
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "http://127.0.0.1:$HTTP_PORT/api/v1/stats/ingest")"
  [[ "$code" == 200 ]] || die "GET /api/v1/stats/ingest answered $code ($label); see $TMP/service-$label.log"
  local t0 c0 t1 c1 before
  # retained status messages of an earlier run arrive too: count from what the service already took
  TARGET=$(( $(taken) + WARMUP )); simulate "$label" "$WARMUP" 7
  before="$(taken)"; TARGET=$(( before + MESSAGES ))
  t0="$(now_ms)"; c0="$(ticks "$SVC_PID")"
  simulate "$label" "$MESSAGES" 11
  t1="$(now_ms)"; c1="$(ticks "$SVC_PID")"
  local stored=$(( $(taken) - before ))
  local s; s="$(stats)"
  local outside unplaced rss us
  outside="$(jq '[.bySource[]? | .outside] | add // 0' <<<"$s")"
  unplaced="$(jq '[.bySource[]? | .unplaced] | add // 0' <<<"$s")"
  rss="$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$SVC_PID/status")"
  us="$(awk -v t=$((c1 - c0)) -v hz="$CLK_TCK" -v n="$MESSAGES" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')"
  echo "$label|$stored|$(( (t1 - t0) ))|$us|$outside|$unplaced|$rss|$(grep 'simulate: done' "$TMP/simulate-$label.log" | tail -1)"
  stop_pid "$SVC_PID" service; SVC_PID=""
  : >"$TMP/service.pid"
}

log "run 1: no grid"
NOGRID="$(run nogrid false)"
log "run 2: demo city"
CITY="$(run city true)"

IFS='|' read -r _ n1 ms1 us1 out1 unp1 rss1 sim1 <<<"$NOGRID"
IFS='|' read -r _ n2 ms2 us2 out2 unp2 rss2 sim2 <<<"$CITY"
ratio="$(awk -v a="$us2" -v b="$us1" 'BEGIN { printf "%.2f", a / b }')"
echo
echo "| machine | date | commit | messages (after $WARMUP warm-up) | rate | run | stored | ms to store all | service CPU µs/msg | outside (all) | unplaced (all) | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
machine="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
commit="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' (+local changes)')"
echo "| $machine | $(date +%F) | $commit | $MESSAGES | $RATE/s | no grid | $n1 | $ms1 | $us1 | $out1 | $unp1 | $rss1 |"
echo "| | | | | | demo city | $n2 | $ms2 | $us2 | $out2 | $unp2 | $rss2 |"
echo
echo "CPU per message with the demo city / without a grid, same run: **$ratio**."
echo "Simulator (measured part): no grid \`$sim1\`; demo city \`$sim2\`."
