#!/usr/bin/env bash
# REST latency of Grid Command with a token, against the same request on a build without sign-in, in one
# run on this machine:
#   1. builds the baseline (default 91d6e97, the commit before sign-in) in a throw-away git worktree
#      (skipped with --no-baseline);
#   2. for the baseline and for this build: starts the packaged service in embedded mode (its own
#      PostgreSQL and broker in a fresh data directory, the demo city), seeds EVENTS hotline events, and
#      measures GET /api/v1/events?limit=20 with wrk: this build with a dispatcher token of the jar's own
#      `token` command (scope: the demo city's district), the baseline without one;
#      and GET /api/v1/categories the same way (the catalogue, from memory: no database, so the row
#      pair shows what verifying the token costs by itself);
#   3. on this build also the public GET /api/v1/auth/jwks without a token: the same HTTP stack with no
#      token to verify and no database, a same-run floor;
#   then prints a Markdown table (p50/p90/p99 ms, requests/s, service CPU µs per request) and stops
#   everything it started (and nothing else).
#
# Build first:  ./mvnw package -DskipTests
# Run:          bench/rest-latency.sh [--duration=S] [--warmup=S] [--connections=C] [--threads=T]
#                                     [--baseline=REF | --no-baseline] [--rounds=N] [--keep-logs]
# Env:          DURATION WARMUP CONNECTIONS THREADS BASELINE ROUNDS EVENTS SERVICE_JAR SERVICE_JAVA_OPTS
#               HTTP_PORT MANAGEMENT_PORT MQTT_PORT READY_TIMEOUT
# Needs java, wrk (apt-get install wrk), curl, jq, git.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-30}"        # seconds measured per case
WARMUP="${WARMUP:-15}"            # seconds of the same load first, not measured (JIT)
CONNECTIONS="${CONNECTIONS:-16}"  # wrk connections (kept open: keep-alive)
THREADS="${THREADS:-2}"           # wrk threads
BASELINE="${BASELINE:-91d6e97}"   # the build without sign-in; empty (--no-baseline) to skip it
ROUNDS="${ROUNDS:-1}"             # baseline and this build measured alternately this many times
EVENTS="${EVENTS:-40}"            # hotline events seeded before measuring (the list answers 20 of them)
SERVICE_JAR="${SERVICE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m}"
HTTP_PORT="${HTTP_PORT:-18180}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19180}"
MQTT_PORT="${MQTT_PORT:-18851}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
KEEP_LOGS="${KEEP_LOGS:-0}"

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    --duration=*) DURATION="${arg#*=}" ;;
    --warmup=*) WARMUP="${arg#*=}" ;;
    --connections=*) CONNECTIONS="${arg#*=}" ;;
    --threads=*) THREADS="${arg#*=}" ;;
    --baseline=*) BASELINE="${arg#*=}" ;;
    --no-baseline) BASELINE="" ;;
    --rounds=*) ROUNDS="${arg#*=}" ;;
    --keep-logs) KEEP_LOGS=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "rest-latency.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

log() { printf '[rest %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'rest-latency.sh: error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
for v in DURATION WARMUP CONNECTIONS THREADS ROUNDS EVENTS HTTP_PORT MANAGEMENT_PORT MQTT_PORT READY_TIMEOUT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
(( DURATION > 0 && CONNECTIONS > 0 && THREADS > 0 && ROUNDS > 0 )) || die "DURATION, CONNECTIONS, THREADS, ROUNDS must be > 0"
for tool in java curl jq git; do command -v "$tool" >/dev/null || die "$tool not found on PATH"; done
command -v wrk >/dev/null || die "wrk not found on PATH (apt-get install wrk)"
[[ -f "$SERVICE_JAR" ]] || die "no service jar at $SERVICE_JAR (./mvnw package -DskipTests)"
has_token_command "$SERVICE_JAR" || die "$SERVICE_JAR has no token command: build this work tree first"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-rest.XXXXXX")"
SVC_PID="" WORKTREE=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SVC_PID" service
  [[ -n "$WORKTREE" ]] && git -C "$ROOT" worktree remove --force "$WORKTREE" >/dev/null 2>&1 || true
  if [[ $rc -eq 0 && "$KEEP_LOGS" != 1 ]]; then rm -rf "$TMP"; else log "logs kept in $TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- 1. the baseline build
BASELINE_JAR="" BASELINE_SHORT=""
if [[ -n "$BASELINE" ]]; then
  BASELINE_SHORT="$(git -C "$ROOT" rev-parse --short "$BASELINE^{commit}")" || die "no commit $BASELINE"
  WORKTREE="$TMP/baseline"
  log "building the baseline $BASELINE_SHORT in a throw-away worktree"
  git -C "$ROOT" worktree add --detach "$WORKTREE" "$BASELINE_SHORT" >/dev/null 2>&1 || die "git worktree add failed"
  (cd "$WORKTREE" && "$ROOT/mvnw" -q -B -ntp package -DskipTests) >"$TMP/baseline-build.log" 2>&1 \
    || { tail -20 "$TMP/baseline-build.log" >&2; die "the baseline did not build"; }
  BASELINE_JAR="$WORKTREE/target/quarkus-app/quarkus-run.jar"
  ! has_token_command "$BASELINE_JAR" || log "note: the baseline $BASELINE_SHORT has sign-in too; it is called without a token"
fi

# ---------------------------------------------------------------- one service in embedded mode
# start LABEL JAR: a fresh data directory (embedded PostgreSQL and broker, the demo city); waits for health on
# the management port (the HTTP port for a build from before it); sets SVC_PID
start() {
  local label="$1" jar="$2" i
  HTTP_PORT="$(free_port "$HTTP_PORT")"
  MANAGEMENT_PORT="$(free_port "$MANAGEMENT_PORT")"
  MQTT_PORT="$(free_port "$MQTT_PORT")"
  log "starting $label: $jar (http $HTTP_PORT, management $MANAGEMENT_PORT, embedded broker $MQTT_PORT)"
  # shellcheck disable=SC2086
  (cd "$TMP" && exec env -u GRID_DB_URL -u GRID_MQTT_URL GRID_DATA_DIR="$TMP/data-$label" \
    GRID_HTTP_PORT="$HTTP_PORT" QUARKUS_HTTP_PORT="$HTTP_PORT" GRID_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    GRID_EMBEDDED_MQTT_PORT="$MQTT_PORT" java $SERVICE_JAVA_OPTS -jar "$jar") >"$TMP/service-$label.log" 2>&1 &
  SVC_PID=$!
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]] && return 0
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$TMP/service-$label.log" >&2; die "$label exited during start-up"; }
    sleep 0.5
  done
  tail -30 "$TMP/service-$label.log" >&2
  die "$label was not ready within $READY_TIMEOUT s"
}

# seed LABEL AUTH...: EVENTS hotline reports in distinct base cells of the demo city; prints the district code
seed() {
  local label="$1"; shift
  local grid district n=0 code cell
  grid="$TMP/grid-$label.json"
  code="$(curl -s -o "$grid" -w '%{http_code}' "$@" "http://127.0.0.1:$HTTP_PORT/api/v1/grids")"
  [[ "$code" == 200 ]] || die "$label: GET /api/v1/grids answered $code"
  district="$(jq -r '[.features[].properties | select((.code | length) == 6) | .code] | first // empty' "$grid")"
  [[ -n "$district" ]] || die "$label: no district in the grid in force"
  for cell in $(jq -r '.features[].properties | select(.kind == "base" and (.code | length) == 15) | .code' "$grid" \
      | head -"$EVENTS"); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$@" -H 'Content-Type: application/json' \
      -d "{\"category\":\"road_damage\",\"cell\":\"$cell\",\"description\":\"bench\",\"reporter\":\"caller-$n\"}" \
      "http://127.0.0.1:$HTTP_PORT/api/v1/events")"
    [[ "$code" == 201 || "$code" == 200 ]] || die "$label: POST /api/v1/events answered $code"
    n=$((n + 1))
  done
  (( n > 0 )) || die "$label: no base cell to report in"
  echo "$district"
}

# measure LABEL PATH AUTH...: wrk warm-up, then the measured run; appends a row to $TMP/rows
measure() {
  local label="$1" path="$2"; shift 2
  local url="http://127.0.0.1:$HTTP_PORT$path" out="$TMP/wrk-${label// /_}.txt" code
  code="$(curl -s -o "$TMP/sample.json" -w '%{http_code}' "$@" "$url")"
  [[ "$code" == 200 ]] || die "$label: GET $path answered $code: $(head -c 300 "$TMP/sample.json")"
  local items; items="$(jq -r 'if type == "object" and has("items") then (.items | length | tostring) else "-" end' \
    "$TMP/sample.json" 2>/dev/null || echo -)"
  log "$label: warm-up ${WARMUP}s, then ${DURATION}s of GET $path ($CONNECTIONS connections, $THREADS threads)"
  (( WARMUP == 0 )) || wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$@" "$url" >/dev/null
  local t0 c0 t1 c1
  t0="$(now_ms)"; c0="$(ticks "$SVC_PID")"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$out"
  t1="$(now_ms)"; c1="$(ticks "$SVC_PID")"
  sed 's/^/    /' "$out" >&2
  if grep -q 'Non-2xx or 3xx responses' "$out"; then
    die "$label: $(grep 'Non-2xx or 3xx responses' "$out" | tr -s ' ') (see $out)"
  fi
  # wrk prints latencies as 512.00us, 1.23ms or 1.02s
  ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
  local p50 p90 p99 rps requests us
  p50="$(ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  p90="$(ms "$(awk '$1 == "90%" { print $2 }' "$out")")"
  p99="$(ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
  requests="$(awk '/requests in/ { print $1 }' "$out")"
  us="$(awk -v t=$((c1 - c0)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "n/a" }')"
  echo "| $label | \`GET $path\` | $items | $p50 | $p90 | $p99 | $rps | $us |" >>"$TMP/rows"
}

# ---------------------------------------------------------------- 2. and 3.: the runs
: >"$TMP/rows"
THIS="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo '+')"
for ((round = 1; round <= ROUNDS; round++)); do
  if [[ -n "$BASELINE_JAR" ]]; then
    start "baseline" "$BASELINE_JAR"
    seed baseline >/dev/null
    measure "previous ($BASELINE_SHORT), no token" "/api/v1/events?limit=20"
    measure "previous ($BASELINE_SHORT), no token" "/api/v1/categories"
    stop_pid "$SVC_PID" service; SVC_PID=""
  fi
  start "this" "$SERVICE_JAR"
  KEY_FILE="$TMP/data-this/identity/signing-key.jwk"
  # the hotline (a service account) reports the events; a dispatcher of the district lists them
  HOTLINE="$(mint_token "$SERVICE_JAR" "$KEY_FILE" --user bench-hotline --role service --cells '*')"
  district="$(seed this -H "Authorization: Bearer $HOTLINE")"
  TOKEN="$(mint_token "$SERVICE_JAR" "$KEY_FILE" --user bench-dispatcher --role dispatcher --cells "$district")"
  measure "this ($THIS), dispatcher token" "/api/v1/events?limit=20" -H "Authorization: Bearer $TOKEN"
  measure "this ($THIS), dispatcher token" "/api/v1/categories" -H "Authorization: Bearer $TOKEN"
  measure "this ($THIS), public, no token" "/api/v1/auth/jwks"
  stop_pid "$SVC_PID" service; SVC_PID=""
done

MACHINE="$(nproc) × $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/^MemTotal:/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
cat <<EOF

$MACHINE, $(date +%F); wrk $CONNECTIONS connections, $THREADS threads, ${WARMUP}s warm-up then ${DURATION}s per row; embedded mode, demo city, $EVENTS events seeded; service $SERVICE_JAVA_OPTS.

| build | request | items | p50 ms | p90 ms | p99 ms | requests/s | service CPU µs/request |
|---|---|---|---|---|---|---|---|
$(cat "$TMP/rows")
EOF
