#!/usr/bin/env bash
# Signal-to-screen latency of the live feed (/ws/v1/live) with N command screens held while ingest runs,
# in one run on this machine:
#   0. the broker-only ceiling, measured by `bench/ingest.sh --broker-only` (as compare.sh does); the
#      sustained pace is SUSTAINED (0.9) x that ceiling, the half load half of it;
#   for each N of --screens (default 0,1,500,5000), a fresh service (the packaged jar against a fresh
#   database on the machine's PostgreSQL and this script's own Mosquitto, as ingest.sh runs it, with the
#   demo city of --base-cells cells loaded):
#   1. heap after a full GC (jcmd GC.run), then the bench's ScreenLatency registers smoke sensors in base
#      cells spread over the district's communities and opens N WebSockets on /ws/v1/live, spread
#      round-robin over the district, its streets and its communities, with a `screen` token of the jar's
#      own `token` command; waits for their snapshots; heap after a full GC again: per connection;
#   2. latency at rest: one smoke reading per sensor at RATE/s (each raises an event whose trigger.ts is
#      the reading's ts); every screen whose scope holds the cell times its event.raised: arrival - trigger.ts;
#      and the first alert of each raise on any worker terminal (grid/v1/workers/+/alerts) is timed the same
#      way (signal to the first person told; the run with 0 screens gives it without screen load);
#   3. latency at half load: the same with LoadGenerator publishing telemetry at half the sustained pace,
#      the readings starting SETTLE (10) s after the load;
#   4. the ingest ratio: LoadGenerator paced at the sustained pace (WARMUP + MESSAGES), the service's
#      rate of rows by received_at after the warm-up (ingest.sh's "by received_at"), over the ceiling and
#      over the same figure of the run without screens (N=0) in this run;
#   meanwhile the heap (jvm_memory_used_bytes, area heap) and the grid_screen_connections gauge are sampled
#   every second on the management port. Then prints a Markdown table and stops everything it started.
#
# Build first:  ./mvnw package -DskipTests && ./mvnw -q -f bench/pom.xml package
# Run:          bench/screen-latency.sh [--screens=0,1,500,5000] [--signals=S] [--rate=R] [--base-cells=C]
#                                       [--messages=M] [--sustained=F] [--settle=S] [--ceiling=C] [--keep-logs]
# Env:          SCREENS SIGNALS RATE BASE_CELLS MESSAGES WARMUP SUSTAINED SETTLE CEILING SERVICE_JAR BENCH_JAR SERVICE_JAVA_OPTS
#               BENCH_JAVA_OPTS HTTP_PORT MANAGEMENT_PORT PORT DB READY_TIMEOUT PGHOST PGPORT PGUSER
# Needs java, jcmd, curl, jq, mosquitto, psql; `ulimit -n` above 2 x the most screens + 1000.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCREENS="${SCREENS:-0,1,500,5000}" # screens held per run, comma-separated: one run (one fresh service) each
SIGNALS="${SIGNALS:-200}"         # readings per latency phase, one per sensor, each in a base cell of its own
RATE="${RATE:-20}"                # readings per second
BASE_CELLS="${BASE_CELLS:-2000}"  # the demo city's size (GRID_DEMO_BASE_CELLS): 100000 is the benchmark city
MESSAGES="${MESSAGES:-300000}"    # measured messages of the sustained ingest (and of the broker-only ceiling)
WARMUP="${WARMUP:-50000}"         # sent first at the sustained pace, not measured
SUSTAINED="${SUSTAINED:-0.9}"     # the sustained pace, as a fraction of the ceiling (compare.sh --sustained)
CONNECTIONS="${CONNECTIONS:-4}" DEVICES="${DEVICES:-1000}"
SERVICE_JAR="${SERVICE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/grid-command-bench.jar}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx2g}"
HTTP_PORT="${HTTP_PORT:-18280}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19280}"
PORT="${PORT:-18951}"
DB="${DB:-gridscreens}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
READY_TIMEOUT="${READY_TIMEOUT:-300}"
STALL="${STALL:-30}"
SETTLE="${SETTLE:-10}"            # seconds of half load before its readings start
KEEP_LOGS="${KEEP_LOGS:-0}"
CEILING="${CEILING:-}"            # a ceiling measured before (msg/s): skips step 0

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    --screens=*) SCREENS="${arg#*=}" ;;
    --signals=*) SIGNALS="${arg#*=}" ;;
    --rate=*) RATE="${arg#*=}" ;;
    --base-cells=*) BASE_CELLS="${arg#*=}" ;;
    --messages=*) MESSAGES="${arg#*=}" ;;
    --warmup=*) WARMUP="${arg#*=}" ;;
    --sustained=*) SUSTAINED="${arg#*=}" ;;
    --ceiling=*) CEILING="${arg#*=}" ;;
    --settle=*) SETTLE="${arg#*=}" ;;
    --keep-logs) KEEP_LOGS=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "screen-latency.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

log() { printf '[screens %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'screen-latency.sh: error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
for v in SIGNALS RATE BASE_CELLS MESSAGES WARMUP SETTLE HTTP_PORT MANAGEMENT_PORT PORT READY_TIMEOUT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
[[ "$SCREENS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "SCREENS must be numbers separated by commas, got '$SCREENS'"
[[ "$SUSTAINED" =~ ^[0-9.]+$ ]] || die "SUSTAINED must be a fraction, got '$SUSTAINED'"
[[ "$DB" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "DB must be a plain lower-case name, got '$DB'"
for tool in java jcmd curl jq mosquitto psql; do command -v "$tool" >/dev/null || die "$tool not found on PATH"; done
[[ -f "$SERVICE_JAR" ]] || die "no service jar at $SERVICE_JAR (./mvnw package -DskipTests)"
[[ -f "$BENCH_JAR" ]] || die "no bench jar at $BENCH_JAR (./mvnw -q -f bench/pom.xml package)"
has_token_command "$SERVICE_JAR" || die "$SERVICE_JAR has no token command: build this work tree first"
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -Atq)
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null || die "no PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
most=0; IFS=',' read -r -a COUNTS <<<"$SCREENS"; for n in "${COUNTS[@]}"; do (( n > most )) && most=$n; done
# the bench holds one socket per screen, and so does the service: each a file descriptor of its process
if (( $(ulimit -n) < most + 1000 )); then
  ulimit -n $((most + 1000)) 2>/dev/null || die "ulimit -n is $(ulimit -n), too few for $most screens (raise the hard limit)"
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-screens.XXXXXX")"
SVC_PID="" SAMPLER_PID="" MOSQ_PID="" GEN_PID="" SL_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$GEN_PID" generator
  stop_pid "$SL_PID" screens
  stop_pid "$SAMPLER_PID" sampler
  stop_pid "$SVC_PID" service
  stop_pid "$MOSQ_PID" mosquitto
  if [[ $rc -eq 0 && "$KEEP_LOGS" != 1 ]]; then rm -rf "$TMP"; else log "logs kept in $TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- 0. the ceiling, as compare.sh takes it
if [[ -z "$CEILING" ]]; then
  log "0. broker-only ceiling: bench/ingest.sh --broker-only --messages=$MESSAGES"
  "$ROOT/bench/ingest.sh" --broker-only --messages="$MESSAGES" --warmup="$WARMUP" >"$TMP/broker.md" 2>"$TMP/broker.log" \
    || { tail -20 "$TMP/broker.log" >&2; die "the broker-only run failed"; }
  CEILING="$(grep -E '^\| [0-9]+ ×' "$TMP/broker.md" | tail -1 | awk -F'|' '{ gsub(/^ +| +$/, "", $7); print $7 }')"
fi
[[ "$CEILING" =~ ^[0-9.]+$ ]] || die "no broker-only ceiling measured (got '$CEILING')"
PACE="$(awk -v f="$SUSTAINED" -v c="$CEILING" 'BEGIN { printf "%d", f * c }')"
HALF=$((PACE / 2))
log "ceiling $CEILING msg/s: sustained pace $PACE msg/s ($SUSTAINED of it), half load $HALF msg/s"

# ---------------------------------------------------------------- the broker, as ingest.sh configures it
PORT="$(free_port "$PORT")"
cat >"$TMP/mosquitto.conf" <<EOF
# generated by bench/screen-latency.sh: ingest.sh's bench broker (see there)
listener $PORT 127.0.0.1
allow_anonymous true
max_inflight_messages 65535
max_queued_messages 10000000
persistence false
set_tcp_nodelay true
log_dest stderr
log_type error
log_type warning
EOF
mosquitto -c "$TMP/mosquitto.conf" >"$TMP/mosquitto.log" 2>&1 &
MOSQ_PID=$!
sleep 0.5
kill -0 "$MOSQ_PID" 2>/dev/null || { cat "$TMP/mosquitto.log" >&2; die "mosquitto did not start"; }

# start_service LABEL: a fresh database with the demo city; waits for readiness and the ingest group; sets
# SVC_PID, ADMIN, SCREEN and district
start_service() {
  local label="$1" db="${DB}_$1" i ready=0 code
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db TEMPLATE template0" >/dev/null
  HTTP_PORT="$(free_port "$HTTP_PORT")"
  MANAGEMENT_PORT="$(free_port "$MANAGEMENT_PORT")"
  KEY_FILE="$TMP/identity/signing-key.jwk"
  [[ -f "$KEY_FILE" ]] || admin_auth "$SERVICE_JAR" "$KEY_FILE" >/dev/null || die "the token command failed"
  log "starting the service ($label; http $HTTP_PORT, management $MANAGEMENT_PORT, db $db, $BASE_CELLS base cells)"
  # shellcheck disable=SC2086
  (cd "$TMP" && exec env GRID_MQTT_URL="tcp://127.0.0.1:$PORT" GRID_DB_URL="postgresql://$PGHOST:$PGPORT/$db" \
    GRID_DB_USERNAME="$PGUSER" GRID_MQTT_CLIENT_ID="grid-screens-$label" QUARKUS_HTTP_PORT="$HTTP_PORT" \
    GRID_HTTP_PORT="$HTTP_PORT" GRID_MANAGEMENT_PORT="$MANAGEMENT_PORT" GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true \
    GRID_AUTH_SIGNING_KEY="$KEY_FILE" GRID_DEMO_ENABLED=true GRID_DEMO_BASE_CELLS="$BASE_CELLS" \
    java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR") >"$TMP/service-$label.log" 2>&1 &
  SVC_PID=$!
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    if [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]]; then
      code="$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/group/ingest)"
      [[ "$code" == 200 ]] && { ready=1; break; }
    fi
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$TMP/service-$label.log" >&2; die "the service exited during start-up"; }
    sleep 0.5
  done
  (( ready )) || { tail -30 "$TMP/service-$label.log" >&2; die "the service was not ready within $READY_TIMEOUT s"; }
  log "  ready after $((i / 2)) s"
  ADMIN="$(mint_token "$SERVICE_JAR" "$KEY_FILE" --user bench-admin --role admin --cells '*' --ttl 12h)"
  district="$(curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$HTTP_PORT/api/v1/grids" \
    | jq -r '[.features[].properties | select(.level == "district") | .code] | first // empty')"
  [[ -n "$district" ]] || die "no district in the grid in force"
  SCREEN="$(mint_token "$SERVICE_JAR" "$KEY_FILE" --user bench-screen --role screen --cells "$district" --ttl 12h)"
}

metric() { # name [label filter]: the sum of a metric's samples on the management port (the value is the
  # line's last field: label values may hold spaces, "G1 Eden Space")
  curl -s --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" \
    | awk -v n="$1" -v f="${2:-}" '(index($0, n "{") == 1 || index($0, n " ") == 1) && index($0, f) { s += $NF }
        END { printf "%.0f", s }'
}
sample() { # one scrape a second (a scrape of every meter costs the service CPU): "heap screens epoch-ms in-flight"
  curl -s --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" \
    | awk -v t="$(now_ms)" 'index($0, "jvm_memory_used_bytes{") == 1 && index($0, "area=\"heap\"") { h += $NF }
        index($0, "grid_screen_connections ") == 1 { c = $NF } index($0, "grid_ingest_inflight ") == 1 { i = $NF }
        END { printf "%.0f %.0f %s %.0f\n", h, c, t, i }'
}
heap_after_gc() { # the heap in use right after a full collection of the service (ours: jcmd on its pid)
  jcmd "$SVC_PID" GC.run >/dev/null 2>&1 || true
  sleep 1
  metric jvm_memory_used_bytes 'area="heap"'
}
mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
stored() { # generator label: its rows in the database
  "${PSQL[@]}" -d "$CUR_DB" -c "select count(*) from telemetry where device_id like 'bench-$RUN-$1-%'"
}
wait_stored() { # label expected: until the rows are all there (polled every 0.5 s), or no progress for STALL s
  local last=-1 c t=0
  while :; do
    c="$(stored "$1")"
    (( c >= $2 )) && return 0
    if (( c == last )); then t=$((t + 1)); (( t < STALL * 2 )) || { log "  $1: $c of $2 stored, no progress for $STALL s"; return 1; }
    else t=0; last=$c; fi
    sleep 0.5
  done
}
cpu() { # pid ticks-before ms-before: % of one core since then
  awk -v t=$(( $(ticks "$1") - $2 )) -v ms=$(( $(now_ms) - $3 )) -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t / hz / (ms / 1000) * 100 }'
}
phase() { # name: runs a latency phase; sets LINE and CPU ("service % / screens %" over the phase)
  local s0 b0 t0
  s0="$(ticks "$SVC_PID")" b0="$(ticks "$SL_PID")" t0="$(now_ms)"
  say "phase $1"; LINE="$(hear phase=)" || die "no answer for the $1 phase"
  CPU="$(cpu "$SVC_PID" "$s0" "$t0") / $(cpu "$SL_PID" "$b0" "$t0")"
  # the messages the service held unacknowledged (grid_ingest_inflight), on average over the phase
  INFLIGHT="$(awk -v a="$t0" -v b="$(now_ms)" '$3 >= a && $3 <= b { s += $4; n++ } END { printf "%.0f", n ? s / n : 0 }' "$TMP/samples-$run")"
  log "  $LINE (CPU service / screens: $CPU %; ingest in flight: $INFLIGHT on average)"
}
gen() { # label rate count warmup: LoadGenerator in the background
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -jar "$BENCH_JAR" --host=127.0.0.1 --port="$PORT" --count="$3" --warmup="$4" \
    --connections="$CONNECTIONS" --devices="$DEVICES" --run-id="$RUN-$1" --rate="$2" --drain-timeout="$STALL" --quiet \
    >"$TMP/gen-$1.out" 2>"$TMP/gen-$1.err" &
  GEN_PID=$!
}
say() { echo "$1" >&"${SL[1]}"; }
hear() { # the next line of ScreenLatency that starts with $1 (its other lines are logged)
  local line
  while IFS= read -r -t 600 line <&"${SL[0]}"; do
    [[ "$line" == "$1"* ]] && { echo "$line"; return 0; }
    log "  screens: $line"
  done
  return 1
}
val() { sed -n "s/.*\b$1=\([-0-9.]*\).*/\1/p" <<<"$2"; }

: >"$TMP/rows"
BASELINE=""
run=0
for n in "${COUNTS[@]}"; do
  run=$((run + 1))
  RUN="s$(date +%H%M%S)"
  CUR_DB="${DB}_run$run"
  start_service "run$run"
  # the JIT and the database warm up first, as ingest.sh's warm-up does (not measured)
  gen warm "$PACE" "$WARMUP" 0
  wait "$GEN_PID" || log "  the warm-up generator ended with $?"; GEN_PID=""
  wait_stored warm "$WARMUP" || true
  ( while true; do
      sample; sleep 1
    done ) >"$TMP/samples-$run" 2>/dev/null &
  SAMPLER_PID=$!
  heap_before="$(heap_after_gc)"
  log "run $run: $n screens under $district; heap after GC $(mib "$heap_before") MiB"
  # shellcheck disable=SC2086
  coproc SL { exec java $BENCH_JAVA_OPTS -cp "$BENCH_JAR" city.gridcommand.bench.ScreenLatency \
    --http="http://127.0.0.1:$HTTP_PORT" --mqtt-host=127.0.0.1 --mqtt-port="$PORT" \
    --admin-token="$ADMIN" --screen-token="$SCREEN" --scope="$district" --screens="$n" \
    --signals="$SIGNALS" --phases=3 --rate="$RATE" --timeout=120 --run-id="$RUN" 2>"$TMP/screens-$run.log"; }
  SL_PID=$!
  opened="$(hear open)" || die "ScreenLatency did not open its screens (see $TMP/screens-$run.log)"
  log "  $opened"
  held_now="$(metric grid_screen_connections)"
  heap_held="$(heap_after_gc)"
  per_conn="$(awk -v a="$heap_held" -v b="$heap_before" -v n="$held_now" 'BEGIN { if (n > 0) printf "%.1f", (a - b) / n / 1024; else print "n/a" }')"
  log "  held $held_now (gauge), heap after GC $(mib "$heap_held") MiB: $per_conn KiB a connection"

  # a first phase warms the event path (raise, change log, tail, fan-out) and is not reported
  phase warm
  phase rest; rest="$LINE" rest_cpu="$CPU" rest_inflight="$INFLIGHT"

  # half load: the readings start SETTLE s after the load (the service takes a few seconds to settle at a
  # new load: see BENCHMARKS.md), and the load lasts the readings (SIGNALS / RATE s) and 5 s more
  half_count=$(( HALF * (SETTLE + SIGNALS / RATE + 5) ))
  gen half "$HALF" "$half_count" 0
  sleep "$SETTLE"
  phase half-load; loaded="$LINE" loaded_cpu="$CPU" loaded_inflight="$INFLIGHT"
  wait "$GEN_PID" || log "  the half-load generator ended with $?"; GEN_PID=""
  log "  half load: $(cat "$TMP/gen-half.out")"
  wait_stored half "$half_count" || true

  # the sustained pace, screens held
  gen sust "$PACE" "$MESSAGES" "$WARMUP"
  s0="$(ticks "$SVC_PID")" t0="$(now_ms)"
  wait "$GEN_PID" || log "  the sustained generator ended with $?"; GEN_PID=""
  gen_end="$(now_ms)"
  all=yes; wait_stored sust $((MESSAGES + WARMUP)) || all="no ($(stored sust))"
  drained="$(awk -v ms=$(( $(now_ms) - gen_end )) 'BEGIN { printf "%.1f", ms / 1000 }')"
  sust_cpu="$(cpu "$SVC_PID" "$s0" "$t0")"
  rate_db="$("${PSQL[@]}" -d "$CUR_DB" -c "select round(count(*) * 1000.0 / nullif(max(received_at) - min(received_at), 0))
    from (select received_at from telemetry where device_id like 'bench-$RUN-sust-%' order by received_at offset $WARMUP) t")"
  log "  sustained: generator $(cat "$TMP/gen-sust.out"); service $rate_db msg/s by received_at, all stored: $all, $drained s after the generator; service CPU $sust_cpu %"
  [[ -z "$BASELINE" && "$n" == 0 ]] && BASELINE="$rate_db"

  say quit; wait "$SL_PID" 2>/dev/null || true; SL_PID=""
  stop_pid "$SAMPLER_PID" sampler; SAMPLER_PID=""
  heap_max="$(awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }' "$TMP/samples-$run")"
  held="$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$TMP/samples-$run")"
  rss="$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$SVC_PID/status" 2>/dev/null || echo n/a)"
  ratio="$(awk -v s="$rate_db" -v c="$CEILING" 'BEGIN { if (s + 0 > 0) printf "%.2f", s / c; else print "n/a" }')"
  vs0="$(awk -v s="$rate_db" -v b="$BASELINE" 'BEGIN { if (b + 0 > 0 && s + 0 > 0) printf "%.2f", s / b; else print "n/a" }')"
  lat() { # phase line: p50/p95/p99/max, arrivals, topic, first alert on a terminal
    local alert="$(val alert_p50 "$1") / $(val alert_p99 "$1") / $(val alert_max "$1") ($(val alert_received "$1")/$SIGNALS)"
    if [[ "$(val expected "$1")" == 0 ]]; then echo "– | – | $(val topic_p50 "$1") / $(val topic_p99 "$1") | $alert"; return; fi
    echo "$(val p50 "$1") / $(val p95 "$1") / $(val p99 "$1") / $(val max "$1") | $(val received "$1")/$(val expected "$1") | $(val topic_p50 "$1") / $(val topic_p99 "$1") | $alert"
  }
  echo "| $n | $held | $(val seconds "$opened") | $(lat "$rest") | $rest_cpu | $(lat "$loaded") | $loaded_cpu | $loaded_inflight | $(val closed "$loaded") | $(mib "$heap_before") | $(mib "$heap_held") | $per_conn | $(mib "$heap_max") | $rss | $rate_db | $drained | $sust_cpu | $ratio | $vs0 | $all |" >>"$TMP/rows"
  stop_pid "$SVC_PID" service; SVC_PID=""
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $CUR_DB WITH (FORCE)" >/dev/null || true
done

THIS="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
[[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -1)" ]] && THIS="$THIS (+local changes)"
MACHINE="$(nproc) × $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/^MemTotal:/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
cat <<TABLE

$MACHINE, $(date +%F); build $THIS; demo city of $BASE_CELLS base cells, scope $district and its streets and communities; $SIGNALS readings at $RATE/s per latency phase; broker-only ceiling $CEILING msg/s, sustained pace $PACE msg/s ($SUSTAINED), half load $HALF msg/s; service $SERVICE_JAVA_OPTS; load average $(cut -d' ' -f1-3 /proc/loadavg).

| screens | held (gauge) | open s | at rest: p50 / p95 / p99 / max ms | arrivals | topic p50 / p99 ms | alert p50 / p99 / max ms (alerted) | CPU % service / screens | half load: p50 / p95 / p99 / max ms | arrivals | topic p50 / p99 ms | alert p50 / p99 / max ms (alerted) | CPU % service / screens | ingest in flight | closed | heap before MiB | heap held MiB | KiB / connection | heap max MiB | peak RSS MB | ingest msg/s | drained s | service CPU % | / broker-only | / no screens | all stored |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$TMP/rows")
TABLE
