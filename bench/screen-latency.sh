#!/usr/bin/env bash
# Signal-to-screen latency of the live feed (/ws/v1/live) with N command screens connected:
#   for each N of --screens (default 1,50,200): starts the packaged service in embedded mode (its own
#      PostgreSQL and broker in a fresh data directory, the demo city, so no event is open yet); the
#      bench's ScreenLatency registers one smoke sensor in each of SIGNALS base cells of the district, opens N WebSockets on /ws/v1/live?scope={district} with a
#      screen token of the jar's own `token` command, waits for their snapshots, publishes one smoke reading
#      per sensor at RATE/s over MQTT (each raises an event whose trigger.ts is the reading's ts) and times
#      every event.raised on every screen: arrival minus trigger.ts;
#      meanwhile the service's heap (jvm_memory_used_bytes, area heap, from the management port) and the
#      grid_screen_connections gauge are sampled every second;
#   then prints a Markdown table (screens held, arrivals/expected, p50/p95/p99/max ms; the same raises'
#   p50/p99 on grid/v1/events/#, published by the writer without the change-log tail; heap before and the
#   most during the run) and stops everything it started (and nothing else).
#
# Build first:  ./mvnw package -DskipTests && ./mvnw -q -f bench/pom.xml package
# Run:          bench/screen-latency.sh [--screens=1,50,200] [--signals=S] [--rate=R] [--keep-logs]
# Env:          SCREENS SIGNALS RATE SERVICE_JAR BENCH_JAR SERVICE_JAVA_OPTS BENCH_JAVA_OPTS HTTP_PORT
#               MANAGEMENT_PORT MQTT_PORT READY_TIMEOUT
# Needs java, curl, jq.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCREENS="${SCREENS:-1,50,200}"    # screens held per run, comma-separated: one run each
SIGNALS="${SIGNALS:-200}"         # readings per run, one per sensor, each in a base cell of its own
RATE="${RATE:-20}"                # readings per second
SERVICE_JAR="${SERVICE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/grid-command-bench.jar}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
HTTP_PORT="${HTTP_PORT:-18280}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19280}"
MQTT_PORT="${MQTT_PORT:-18951}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
KEEP_LOGS="${KEEP_LOGS:-0}"

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    --screens=*) SCREENS="${arg#*=}" ;;
    --signals=*) SIGNALS="${arg#*=}" ;;
    --rate=*) RATE="${arg#*=}" ;;
    --keep-logs) KEEP_LOGS=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "screen-latency.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

log() { printf '[screens %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'screen-latency.sh: error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
for v in SIGNALS RATE HTTP_PORT MANAGEMENT_PORT MQTT_PORT READY_TIMEOUT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
[[ "$SCREENS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "SCREENS must be numbers separated by commas, got '$SCREENS'"
for tool in java curl jq; do command -v "$tool" >/dev/null || die "$tool not found on PATH"; done
[[ -f "$SERVICE_JAR" ]] || die "no service jar at $SERVICE_JAR (./mvnw package -DskipTests)"
[[ -f "$BENCH_JAR" ]] || die "no bench jar at $BENCH_JAR (./mvnw -q -f bench/pom.xml package)"
has_token_command "$SERVICE_JAR" || die "$SERVICE_JAR has no token command: build this work tree first"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-screens.XXXXXX")"
SVC_PID="" SAMPLER_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SAMPLER_PID" sampler
  stop_pid "$SVC_PID" service
  if [[ $rc -eq 0 && "$KEEP_LOGS" != 1 ]]; then rm -rf "$TMP"; else log "logs kept in $TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_service LABEL: a fresh data directory (embedded PostgreSQL and broker, the demo city), so every run
# raises its events in cells with none open; waits for readiness; sets SVC_PID, ADMIN, SCREEN and district
start_service() {
  local label="$1" i
  HTTP_PORT="$(free_port "$HTTP_PORT")"
  MANAGEMENT_PORT="$(free_port "$MANAGEMENT_PORT")"
  MQTT_PORT="$(free_port "$MQTT_PORT")"
  log "starting $SERVICE_JAR (http $HTTP_PORT, management $MANAGEMENT_PORT, embedded broker $MQTT_PORT)"
  # shellcheck disable=SC2086
  (cd "$TMP" && exec env -u GRID_DB_URL -u GRID_MQTT_URL GRID_DATA_DIR="$TMP/data-$label" \
    GRID_HTTP_PORT="$HTTP_PORT" QUARKUS_HTTP_PORT="$HTTP_PORT" GRID_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    GRID_EMBEDDED_MQTT_PORT="$MQTT_PORT" java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR") >"$TMP/service-$label.log" 2>&1 &
  SVC_PID=$!
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]] && break
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$TMP/service-$label.log" >&2; die "the service exited during start-up"; }
    sleep 0.5
  done
  [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]] \
    || { tail -30 "$TMP/service-$label.log" >&2; die "the service was not ready within $READY_TIMEOUT s"; }
  local key="$TMP/data-$label/identity/signing-key.jwk"
  ADMIN="$(mint_token "$SERVICE_JAR" "$key" --user bench-admin --role admin --cells '*' --ttl 12h)"
  district="$(curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$HTTP_PORT/api/v1/grids" \
    | jq -r '[.features[].properties | select(.level == "district") | .code] | first // empty')"
  [[ -n "$district" ]] || die "no district in the grid in force"
  SCREEN="$(mint_token "$SERVICE_JAR" "$key" --user bench-screen --role screen --cells "$district" --ttl 12h)"
}

metric() { # name [label filter]: the sum of a metric's samples on the management port (the value is the
  # line's last field: label values may hold spaces, "G1 Eden Space")
  curl -s --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" \
    | awk -v n="$1" -v f="${2:-}" '(index($0, n "{") == 1 || index($0, n " ") == 1) && index($0, f) { s += $NF }
        END { printf "%.0f", s }'
}
mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }

: >"$TMP/rows"
run=0
IFS=',' read -r -a COUNTS <<<"$SCREENS"
for n in "${COUNTS[@]}"; do
  run=$((run + 1))
  start_service "run$run"
  heap_before="$(metric jvm_memory_used_bytes 'area="heap"')"
  ( while true; do
      echo "$(metric jvm_memory_used_bytes 'area="heap"') $(metric grid_screen_connections)"; sleep 1
    done ) >"$TMP/samples-$n" 2>/dev/null &
  SAMPLER_PID=$!
  log "run $run: $n screens of $district, $SIGNALS readings at $RATE/s"
  # shellcheck disable=SC2086
  line="$(java $BENCH_JAVA_OPTS -cp "$BENCH_JAR" city.gridcommand.bench.ScreenLatency \
    --http="http://127.0.0.1:$HTTP_PORT" --mqtt-host=127.0.0.1 --mqtt-port="$MQTT_PORT" \
    --admin-token="$ADMIN" --screen-token="$SCREEN" --scope="$district" --screens="$n" \
    --signals="$SIGNALS" --rate="$RATE" --run-id="r$run" 2>"$TMP/bench-$n.log" | tail -1)" \
    || log "run $run: not every arrival came (see $TMP/bench-$n.log)"
  stop_pid "$SAMPLER_PID" sampler; SAMPLER_PID=""
  log "  $line"
  val() { sed -n "s/.*\b$1=\([-0-9]*\).*/\1/p" <<<"$line"; }
  heap_max="$(awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }' "$TMP/samples-$n")"
  held="$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$TMP/samples-$n")"
  echo "| $n | $held | $(val received)/$(val expected) | $(val closed) | $(val p50) | $(val p95) | $(val p99) | $(val max) | $(val topic_p50) | $(val topic_p99) | $(mib "$heap_before") | $(mib "$heap_max") |" >>"$TMP/rows"
  stop_pid "$SVC_PID" service; SVC_PID=""
done

THIS="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
MACHINE="$(nproc) × $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/^MemTotal:/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
cat <<TABLE

$MACHINE, $(date +%F); build $THIS, embedded mode, demo city, scope $district; $SIGNALS readings at $RATE/s per run, each raising one event; service $SERVICE_JAVA_OPTS.

| screens | held (gauge) | arrivals | closed | p50 ms | p95 ms | p99 ms | max ms | topic p50 ms | topic p99 ms | heap before MiB | heap max MiB |
|---|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$TMP/rows")
TABLE
