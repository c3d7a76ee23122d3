#!/usr/bin/env bash
# Gateway batches against devices publishing alone, in one run on this machine: the readings per second
# the service stores when
#   single  every device publishes alone on grid/v1/sensors/{id}/telemetry (the baseline, as ingest.sh sends), or
#   B       gateways publish batches of B readings on grid/v1/gateways/{id}/telemetry (by default 1, 10, 50, 200);
# each mode with a fresh service (the packaged jar, bounded heap) on a fresh database and this script's own
# Mosquitto. Each run sends WARMUP readings first (not measured), then READINGS readings, flooded or paced
# (--rate, readings/s), and waits until all are stored (progress from GET /api/v1/stats/ingest with an admin
# token of the jar's own `token` command; the database decides). It checks every reading stored exactly once
# (rows of the run's devices = readings sent, no (device, seq) twice, no dead letter), samples the heap used
# (jvm_memory_used_bytes on the management port) once a second and reads the peak RSS (VmHWM), counts the
# CPU per reading of the service (by thread, from /proc: its JIT compiler threads apart, the ingest thread),
# of the PostgreSQL server on PGPORT, Mosquitto and the generator, then prints two Markdown tables (the
# figures; where the CPU goes) and stops what it started (and nothing else).
#
# Build first:  ./mvnw package -DskipTests && ./mvnw -q -f bench/pom.xml package
# Run:          bench/gateway.sh [--readings=N] [--warmup=W] [--modes=single,1,10,50,200] [--gateways=G]
#                                [--devices=D] [--rate=R] [--jfr] [--keep-logs]
#               --jfr records each service with Java Flight Recorder (settings=profile) into the kept log
#               directory, service-<mode>.jfr (`jfr print --events jdk.ExecutionSample` or JDK Mission Control)
# Env:          READINGS WARMUP MODES GATEWAYS DEVICES RATE SERVICE_JAR BENCH_JAR SERVICE_JAVA_OPTS BENCH_JAVA_OPTS
#               PORT HTTP_PORT MANAGEMENT_PORT DB STALL READY_TIMEOUT COUNT_SOURCE PGHOST PGPORT PGUSER
# Exit status: 0 when every reading of every mode was stored once, 3 when not (the table is printed first),
# 1 when something could not start.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMMAND_LINE="bench/gateway.sh${*:+ $*}"

READINGS="${READINGS:-200000}"        # measured readings in each mode
WARMUP="${WARMUP:-100000}"            # readings sent first in each mode, not measured (JIT, database)
MODES="${MODES:-single,1,10,50,200}"  # single and/or batch sizes; one fresh service each; single is the baseline
GATEWAYS="${GATEWAYS:-4}"             # gateways (connections) of a batch mode; single uses as many connections
DEVICES="${DEVICES:-1000}"            # distinct device ids, spread over the gateways (connections)
RATE="${RATE:-0}"                     # 0 = flood, R = paced at R readings/s
SERVICE_JAR="${SERVICE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/grid-command-bench.jar}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx256m}"  # a bounded heap, as in production (k8s/), as ingest.sh
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx1g}"
PORT="${PORT:-18841}"                 # first port tried for the bench broker
HTTP_PORT="${HTTP_PORT:-18180}"       # first port tried for the service's HTTP
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19100}" # first port tried for its management interface
DB="${DB:-gridgateway}"               # each mode's database is <DB>_<mode>, dropped and recreated
STALL="${STALL:-30}"                  # seconds without progress that end a run
READY_TIMEOUT="${READY_TIMEOUT:-120}"
COUNT_SOURCE="${COUNT_SOURCE:-auto}"  # progress polling: auto (stats API if it answers, else psql), api, psql
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
KEEP_LOGS="${KEEP_LOGS:-0}"
JFR="${JFR:-0}"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    --readings=*) READINGS="${arg#*=}" ;;
    --warmup=*) WARMUP="${arg#*=}" ;;
    --modes=*) MODES="${arg#*=}" ;;
    --gateways=*) GATEWAYS="${arg#*=}" ;;
    --devices=*) DEVICES="${arg#*=}" ;;
    --rate=*) RATE="${arg#*=}" ;;
    --port=*) PORT="${arg#*=}" ;;
    --http-port=*) HTTP_PORT="${arg#*=}" ;;
    --management-port=*) MANAGEMENT_PORT="${arg#*=}" ;;
    --db=*) DB="${arg#*=}" ;;
    --service-jar=*) SERVICE_JAR="${arg#*=}" ;;
    --bench-jar=*) BENCH_JAR="${arg#*=}" ;;
    --stall=*) STALL="${arg#*=}" ;;
    --count-source=*) COUNT_SOURCE="${arg#*=}" ;;
    --keep-logs) KEEP_LOGS=1 ;;
    --jfr) JFR=1 KEEP_LOGS=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "gateway.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

log() { printf '[gateway %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'gateway.sh: error: %s\n' "$*" >&2; exit 1; }
is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

for v in READINGS WARMUP GATEWAYS DEVICES RATE PORT HTTP_PORT MANAGEMENT_PORT STALL READY_TIMEOUT; do
  is_uint "${!v}" || die "$v must be a whole number, got '${!v}'"
done
(( READINGS > 0 && GATEWAYS > 0 )) || die "READINGS and GATEWAYS must be > 0"
(( DEVICES >= GATEWAYS )) || die "DEVICES ($DEVICES) must be at least GATEWAYS ($GATEWAYS): every gateway has devices"
[[ "$MODES" =~ ^(single|[1-9][0-9]*)(,(single|[1-9][0-9]*))*$ ]] \
  || die "MODES must be 'single' and/or batch sizes separated by commas, got '$MODES'"
[[ "$DB" =~ ^[a-z_][a-z0-9_]{0,40}$ ]] || die "DB must be a plain lower-case name, got '$DB'"
case "$COUNT_SOURCE" in auto|api|psql) ;; *) die "COUNT_SOURCE must be auto, api or psql" ;; esac
for tool in java curl jq mosquitto psql; do command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH"; done
[[ -f "$SERVICE_JAR" ]] || die "no service jar at $SERVICE_JAR (./mvnw package -DskipTests)"
[[ -f "$BENCH_JAR" ]] || die "no bench jar at $BENCH_JAR (./mvnw -q -f bench/pom.xml package)"
has_token_command "$SERVICE_JAR" || die "$SERVICE_JAR has no token command: build this work tree first"
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -Atq)
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null 2>&1 \
  || die "cannot reach PostgreSQL as $PGUSER@$PGHOST:$PGPORT (trust auth or PGPASSWORD expected)"
IFS=',' read -r -a MODE_LIST <<<"$MODES"
RUN="g$(date +%H%M%S)"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- our processes, and only ours
TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-gateway.XXXXXX")"
MOSQ_PID="" SVC_PID="" GEN_PID="" SAMPLER_PID="" CUR_DB="" AUTH=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$GEN_PID" generator
  stop_pid "$SAMPLER_PID" sampler
  stop_pid "$SVC_PID" service
  stop_pid "$MOSQ_PID" mosquitto
  [[ -n "$CUR_DB" ]] && "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS \"$CUR_DB\" WITH (FORCE)" >/dev/null 2>&1
  if [[ $rc -eq 0 && "$KEEP_LOGS" != 1 ]]; then rm -rf "$TMP"; else log "logs kept in $TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- the bench broker, as ingest.sh configures it
PORT="$(free_port "$PORT")"
cat >"$TMP/mosquitto.conf" <<EOF
# generated by bench/gateway.sh: ingest.sh's bench broker (see the comments there)
listener $PORT 127.0.0.1
allow_anonymous true
max_inflight_messages 65535
max_queued_messages 10000000
persistence false
set_tcp_nodelay true
log_dest stderr
log_type error
log_type warning
log_type notice
EOF
mosquitto -c "$TMP/mosquitto.conf" >"$TMP/mosquitto.log" 2>&1 &
MOSQ_PID=$!
wait_port "$PORT" 10 "$MOSQ_PID" || { cat "$TMP/mosquitto.log" >&2; die "mosquitto did not start on port $PORT"; }
log "mosquitto pid $MOSQ_PID on 127.0.0.1:$PORT; load average $LOAD_START"

# ---------------------------------------------------------------- one service per mode
start_service() { # label: a fresh database <DB>_<label> and the service on it; sets SVC_PID, CUR_DB, AUTH
  local label="$1" i ready=0 code
  CUR_DB="${DB}_$label"
  PGOPTIONS="-c client_min_messages=warning" "${PSQL[@]}" -d postgres \
    -c "DROP DATABASE IF EXISTS \"$CUR_DB\" WITH (FORCE)" >/dev/null
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$CUR_DB\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
  HTTP_PORT="$(free_port "$HTTP_PORT")"
  MANAGEMENT_PORT="$(free_port "$MANAGEMENT_PORT")"
  (( MANAGEMENT_PORT != HTTP_PORT )) || MANAGEMENT_PORT="$(free_port $((HTTP_PORT + 1)))"
  KEY_FILE="$TMP/identity/signing-key.jwk"
  [[ ${#AUTH[@]} -gt 0 ]] || admin_auth "$SERVICE_JAR" "$KEY_FILE" || die "the token command failed"
  local env=(GRID_MQTT_URL="tcp://127.0.0.1:$PORT" GRID_DB_URL="postgresql://$PGHOST:$PGPORT/$CUR_DB"
    GRID_DB_USERNAME="$PGUSER" GRID_MQTT_CLIENT_ID="grid-gateway-bench-$label" QUARKUS_HTTP_PORT="$HTTP_PORT"
    GRID_MANAGEMENT_PORT="$MANAGEMENT_PORT" GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true GRID_AUTH_SIGNING_KEY="$KEY_FILE")
  [[ -n "${PGPASSWORD:-}" ]] && env+=(GRID_DB_PASSWORD="$PGPASSWORD")
  local opts="$SERVICE_JAVA_OPTS"
  (( JFR )) && opts="$opts -XX:StartFlightRecording=filename=$TMP/service-$label.jfr,settings=profile,dumponexit=true"
  log "$label: starting the service (http $HTTP_PORT, management $MANAGEMENT_PORT, db $CUR_DB, $opts)"
  # shellcheck disable=SC2086
  (cd "$TMP" && exec env "${env[@]}" java $opts -jar "$SERVICE_JAR") >"$TMP/service-$label.log" 2>&1 &
  SVC_PID=$!
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$TMP/service-$label.log" >&2; die "the service exited during start-up"; }
    if [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]]; then
      code="$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/group/ingest)"
      [[ "$code" == 200 ]] && { ready=1; break; }
    fi
    sleep 0.5
  done
  (( ready )) || { tail -30 "$TMP/service-$label.log" >&2; die "the service was not ready within $READY_TIMEOUT s"; }
  log "$label: service ready after $((i / 2)) s (pid $SVC_PID)"
}
stop_service() {
  stop_pid "$SAMPLER_PID" sampler; SAMPLER_PID=""
  stop_pid "$SVC_PID" service; SVC_PID=""
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS \"$CUR_DB\" WITH (FORCE)" >/dev/null || true
  CUR_DB=""
}

heap_sample() { # one scrape of the management port: "<heap used bytes> <epoch ms>"
  curl -s --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" \
    | awk -v t="$(now_ms)" 'index($0, "jvm_memory_used_bytes{") == 1 && index($0, "area=\"heap\"") { h += $NF; n++ }
        END { if (n) printf "%.0f %s\n", h, t }'
}
api_stats() { curl -sf --max-time 2 "${AUTH[@]}" "http://127.0.0.1:$HTTP_PORT/api/v1/stats/ingest"; }
api_count() { api_stats | jq -r '.bySource.telemetry.processed // empty' 2>/dev/null; }
psql_count() { "${PSQL[@]}" -d "$CUR_DB" -c "select count(*) from telemetry"; }
count_now() { if [[ "$SOURCE" == api ]]; then api_count; else psql_count; fi; }
busy_idle() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat; } # whole box, in ticks
gen_args() { # mode: the generator's options of that mode
  if [[ "$1" == single ]]; then echo "--connections=$GATEWAYS"; else echo "--gateways=$GATEWAYS --batch=$1"; fi
}

# ---------------------------------------------------------------- measure one mode; appends its row
: >"$TMP/rows"; : >"$TMP/cpu-rows"
SINGLE_RATE="" SINGLE_CHAIN="" INCOMPLETE=0
measure() { # mode
  local mode="$1" label c now expected base base_db prev gen_ms0 gen_end="" last_progress tick=0 pc
  local t_first="" c_first="" t_last="" c_last="" t_prev="" c_prev="" s_first=0 s_last=0 p_first=0 p_last=0
  local m_first=0 m_last=0 i_first=0 i_last=0 b_first="" b_last="" rate="n/a" cpu="n/a" pg_cpu="n/a" mosq_cpu="n/a" idle="n/a"
  local ingest_us="n/a" svc_us="n/a" jit_us="n/a" pg_us="n/a" mosq_us="n/a" gen_us="n/a" chain_us="n/a"
  local drained="n/a" load gen_ticks=0 g
  label="$([[ "$mode" == single ]] && echo single || echo "batch$mode")"
  start_service "$label"
  SOURCE="$COUNT_SOURCE"
  if [[ "$SOURCE" != psql ]]; then
    if is_uint "$(api_count)"; then SOURCE=api
    elif [[ "$SOURCE" == api ]]; then die "GET /api/v1/stats/ingest gave no telemetry processed count"
    else SOURCE=psql; fi
  fi
  ( while true; do heap_sample; sleep 1; done ) >"$TMP/heap-$label" 2>/dev/null &
  SAMPLER_PID=$!
  base="$(count_now)"; base_db="$(psql_count)"; prev="$base"
  expected=$((WARMUP + READINGS))
  load="$(cut -d' ' -f1 /proc/loadavg)"
  local args
  args="$(gen_args "$mode") --devices=$DEVICES --count=$READINGS --warmup=$WARMUP --rate=$RATE"
  log "$label: $WARMUP warm-up + $READINGS readings, $args; progress by $SOURCE; load average $load"
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -jar "$BENCH_JAR" --host=127.0.0.1 --port="$PORT" --run-id="$RUN-$label" \
    --drain-timeout="$STALL" --quiet $args >"$TMP/gen-$label.out" 2>"$TMP/gen-$label.err" &
  GEN_PID=$!
  gen_ms0="$(now_ms)"; last_progress="$gen_ms0"
  while true; do
    sleep 0.5
    now="$(now_ms)"
    c="$(count_now || true)"; is_uint "$c" || c="$prev"
    if [[ -z "$gen_end" ]] && ! kill -0 "$GEN_PID" 2>/dev/null; then gen_end="$now"; fi
    if [[ -z "$gen_end" ]]; then g="$(ticks "$GEN_PID")"; (( g > gen_ticks )) && gen_ticks="$g"; fi # 0 once gone
    if (( c > prev )); then
      last_progress="$now"
      if [[ -z "$t_first" ]] && (( c - base > WARMUP )); then
        t_first="$now" c_first="$c" s_first="$(ticks "$SVC_PID")" p_first="$(postmaster_ticks "$PGPORT")"
        m_first="$(ticks "$MOSQ_PID")" i_first="$(thread_ticks "$SVC_PID" grid-mqtt)" b_first="$(busy_idle)"
        thread_ticks "$SVC_PID" >"$TMP/threads-$label.first"
      elif [[ -n "$t_first" ]]; then
        [[ -n "$t_last" ]] && t_prev="$t_last" c_prev="$c_last"
        t_last="$now" c_last="$c" s_last="$(ticks "$SVC_PID")" p_last="$(postmaster_ticks "$PGPORT")"
        m_last="$(ticks "$MOSQ_PID")" i_last="$(thread_ticks "$SVC_PID" grid-mqtt)" b_last="$(busy_idle)"
        thread_ticks "$SVC_PID" >"$TMP/threads-$label.last"
      fi
      prev="$c"
    fi
    if (( ++tick % 4 == 0 )); then
      printf '    [%s %4ds] stored=%d of %d%s\n' "$label" $(((now - gen_ms0) / 1000)) $((c - base)) "$expected" \
        "$( [[ -n "$t_last" ]] && awk -v n=$((c_last - c_first)) -v ms=$((t_last - t_first)) \
          'BEGIN { printf " rate=%.0f/s", n / ms * 1000 }')" >&2
    fi
    kill -0 "$SVC_PID" 2>/dev/null || { log "$label: the service died"; break; }
    if [[ -n "$gen_end" ]] && (( c - base >= expected )); then
      [[ "$SOURCE" == psql ]] && break
      pc="$(psql_count || echo 0)"   # the stats API is a cheap progress signal; the database decides
      (( pc - base_db >= expected )) && break
      log "$label: the stats API counts $((c - base)) but the database holds $((pc - base_db)): polling the database"
      SOURCE=psql base="$base_db" prev="$pc" last_progress="$now" t_first="" c_first="" t_last="" c_last="" t_prev="" c_prev=""
    fi
    if (( now - last_progress > STALL * 1000 )); then log "$label: no progress for $STALL s: stopping"; break; fi
  done
  if [[ -z "$gen_end" ]]; then log "$label: generator still running: stopping it"; stop_pid "$GEN_PID" generator; gen_end="$(now_ms)"; fi
  local gen_rc=0; wait "$GEN_PID" 2>/dev/null || gen_rc=$?; GEN_PID=""
  (( gen_rc == 0 )) || log "$label: warning: generator exit status $gen_rc (not every publish acknowledged)"
  local last_ack
  last_ack="$(sed -n 's/.*last answer at epoch ms \([0-9]*\).*/\1/p' "$TMP/gen-$label.err" | tail -1)"
  if is_uint "${last_ack:-x}" && (( last_ack < gen_end )); then gen_end="$last_ack"; fi

  if [[ -n "$t_last" ]] && (( t_last > t_first )); then
    local ms=$((t_last - t_first)) end_ms="$t_last"
    # the last poll may come up to 0.5 s after the last row: end the window where the rows of the last
    # interval would have been done at the rate seen before it (never later than that poll), as ingest.sh
    if [[ -n "$t_prev" ]] && (( t_prev > t_first && c_prev > c_first )); then
      end_ms="$(awk -v tp="$t_prev" -v cp="$c_prev" -v tf="$t_first" -v cf="$c_first" -v cl="$c_last" -v tl="$t_last" \
        'BEGIN { e = tp + (cl - cp) / ((cp - cf) / (tp - tf)); printf "%d", (e < tl ? e : tl) }')"
    fi
    rate="$(awk -v n=$((c_last - c_first)) -v ms=$((end_ms - t_first)) 'BEGIN { printf "%.1f", n / ms * 1000 }')"
    cpu="$(cpu_pct $((s_last - s_first)) "$ms")"
    pg_cpu="$(cpu_pct $((p_last - p_first)) "$ms")"
    mosq_cpu="$(cpu_pct $((m_last - m_first)) "$ms")"
    ingest_us="$(us_per $((i_last - i_first)) "$ms" "$rate")"
    idle="$(awk -v a="$b_first" -v b="$b_last" 'BEGIN { split(a, x, " "); split(b, y, " ");
      t = (y[1] - x[1]) + (y[2] - x[2]); if (t > 0) printf "%.0f", (y[2] - x[2]) / t * 100; else print "n/a" }')"
    # the JIT compiler's threads: a cost of the service's first minutes, not of each reading
    jit_us="$(us_per "$(awk -F'\t' 'NR == FNR { a[$1] = $2; next } /Compiler/ { d += $2 - a[$1] } END { print d + 0 }' \
      "$TMP/threads-$label.first" "$TMP/threads-$label.last")" "$ms" "$rate")"
    svc_us="$(awk -v s="$(us_per $((s_last - s_first)) "$ms" "$rate")" -v j="$jit_us" 'BEGIN { printf "%.1f", s - j }')"
    pg_us="$(us_per $((p_last - p_first)) "$ms" "$rate")"
    mosq_us="$(us_per $((m_last - m_first)) "$ms" "$rate")"
    # the generator is done long before the rows when batches pile up in the broker: its whole life's CPU
    # (JVM start and warm-up included) over every reading it sent
    gen_us="$(awk -v t="$gen_ticks" -v hz="$CLK_TCK" -v n="$expected" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')"
    chain_us="$(awk -v a="$svc_us" -v b="$pg_us" -v c="$mosq_us" -v d="$gen_us" 'BEGIN { printf "%.1f", a + b + c + d }')"
    drained="$(awk -v ms=$((t_last - gen_end)) 'BEGIN { printf "%.1f", (ms < 0 ? 0 : ms) / 1000 }')"
  fi

  if [[ -f "$TMP/threads-$label.last" ]]; then # the service's CPU by thread over the window: where it goes
    log "$label: service CPU by thread over the measured window, µs/reading: $(awk -F'\t' -v hz="$CLK_TCK" \
      -v n=$((c_last - c_first)) 'NR == FNR { a[$1] = $2; next } { d = $2 - a[$1]; if (d > 0) printf "%s=%.1f\n", $1, d / hz * 1e6 / n }' \
      "$TMP/threads-$label.first" "$TMP/threads-$label.last" | sort -t= -k2 -rn | head -8 | paste -sd' ')"
  fi
  # the database is the source of truth: every reading of this run's devices stored exactly once
  local rows distinct dead stats rejected dupes messages all rss heap_max
  read -r rows distinct < <("${PSQL[@]}" -F ' ' -d "$CUR_DB" -c "select count(*), count(distinct (device_id, seq))
    from telemetry where device_id like 'bench-$RUN-$label-%'")
  dead="$("${PSQL[@]}" -d "$CUR_DB" -c "select count(*) from dead_letter")"
  stats="$(api_stats || echo '{}')"
  rejected="$(jq -r '.rejected // "n/a"' <<<"$stats" 2>/dev/null || echo n/a)"
  dupes="$(jq -r '.duplicates // "n/a"' <<<"$stats" 2>/dev/null || echo n/a)"
  messages="$(sed -n 's/^published=\([0-9]*\).*/\1/p' "$TMP/gen-$label.out")"
  if (( rows == expected && distinct == rows && dead == 0 )); then all=yes
  else all="no ($distinct distinct of $expected, $rows rows, $dead dead letters)"; INCOMPLETE=1; fi
  rss="$(hwm_mb "$SVC_PID")"; rss="${rss:-n/a}"
  heap_max="$(awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { printf "%.0f", m / 1048576 }' "$TMP/heap-$label")"
  [[ "$mode" == single && -z "$SINGLE_RATE" ]] && SINGLE_RATE="$rate" SINGLE_CHAIN="$chain_us"
  local ratio cost_ratio
  ratio="$(awk -v r="$rate" -v s="$SINGLE_RATE" 'BEGIN { if (s + 0 > 0 && r + 0 > 0) printf "%.2f", r / s; else print "n/a" }')"
  cost_ratio="$(awk -v c="$chain_us" -v s="$SINGLE_CHAIN" 'BEGIN { if (s + 0 > 0 && c + 0 > 0) printf "%.2f", s / c; else print "n/a" }')"
  log "$label: $(cat "$TMP/gen-$label.out"); stored $rows rows ($distinct distinct) of $expected, dead letters $dead," \
    "rejected $rejected, duplicates $dupes; $(fmt "$rate") readings/s; CPU service $cpu %, postgres $pg_cpu %," \
    "mosquitto $mosq_cpu %, box idle $idle %"
  local msg_rate
  msg_rate="$(awk -v r="$rate" -v n="$READINGS" -v m="${messages:-0}" 'BEGIN { if (r + 0 > 0 && m > 0) printf "%.0f", r * m / n; else print "n/a" }')"
  local name batch
  name="$([[ "$mode" == single ]] && echo single-device || echo gateway)"
  batch="$([[ "$mode" == single ]] && echo – || echo "$mode")"
  echo "| $name | $batch | $READINGS | ${messages:-n/a} | $(fmt "$rate") | $msg_rate | $ratio | $all | $rss | $heap_max | $drained | $load | \`$args\` |" >>"$TMP/rows"
  echo "| $name | $batch | $cpu | $svc_us | $ingest_us | $jit_us | $pg_us | $mosq_us | $gen_us | $chain_us | $cost_ratio | $idle |" >>"$TMP/cpu-rows"
  stop_service
}
fmt() { awk -v r="$1" 'BEGIN { if (r == "" || r == "n/a") print "n/a"; else printf "%.0f", r }'; }
us_per() { # ticks ms readings/s: CPU µs per reading over a window of ms
  awk -v t="$1" -v ms="$2" -v r="$3" -v hz="$CLK_TCK" \
    'BEGIN { if (ms > 0 && r + 0 > 0) printf "%.1f", t / hz * 1e6 / (r * ms / 1000); else print "n/a" }'
}

for mode in "${MODE_LIST[@]}"; do measure "$mode"; done

# ---------------------------------------------------------------- the table
CPU_MODEL="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
MACHINE="$(nproc) × ${CPU_MODEL:-unknown CPU}, $(awk '/^MemTotal:/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo uncommitted)"
[[ "$COMMIT" != uncommitted && -n "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -1)" ]] && COMMIT="$COMMIT (+local changes)"
cat <<EOF

$MACHINE, $(date +%F); build $COMMIT; \`$COMMAND_LINE\`; $(((RATE > 0)) && echo "paced at $RATE readings/s" || echo flood), $WARMUP warm-up readings per mode (not measured), $DEVICES devices over $GATEWAYS gateways (connections), QoS 1; service $SERVICE_JAVA_OPTS; load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end.

readings/s: rows stored per second while the measured readings go in (polled every 0.5 s, as ingest.sh);
stored once: the rows of the mode's devices = readings sent (warm-up included), no (device, seq) twice, no dead
letter; peak RSS: the service's VmHWM; heap max: the most heap used in a scrape a second; drained: how long
after the generator's last acknowledgement the last row was stored (batches wait in the broker).

| mode | batch | readings | messages | readings/s | messages/s | × single-device | stored once | peak RSS MB | heap max MiB | drained s | load 1m | generator |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$TMP/rows")

Where the CPU goes, in µs per reading over the measured window (the generator: over its whole run). The service
without its JIT compiler threads (JIT: the compiler's catching up, a cost of a young JVM); the ingest thread
(grid-mqtt: MQTT, decode, admit, locate, judge) is part of the service; chain = service + postgres +
mosquitto + generator, every process of the load on this box; × single-device by CPU = the single-device
chain over this one (what the readings/s ratio would be if the chain had the cores to itself).

| mode | batch | service % of a core | service µs | ingest thread µs | JIT µs | postgres µs | mosquitto µs | generator µs | chain µs | × single-device by CPU | box idle % |
|---|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$TMP/cpu-rows")
EOF
if (( INCOMPLETE )); then log "not every reading was stored exactly once: exit status 3"; exit 3; fi
