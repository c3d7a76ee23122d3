#!/usr/bin/env bash
# Ingest benchmark of Grid Command, in one run on this machine:
#   a. starts its own Mosquitto on a free port from a generated minimal config;
#   b. broker-only ceiling: BareSubscriber (receive at QoS 1, parse JSON, count) against LoadGenerator
#      flooding N telemetry messages;
#   c. the service: fresh database, java -jar target/quarkus-app/quarkus-run.jar, the same N messages
#      (flooded, or paced with --rate), rows stored over time, CPU and peak RSS; health is read on its
#      management port, the stats API with an admin token of the jar's own `token` command;
#   then prints a Markdown table and stops everything it started (and nothing else).
#
# Build first:  ./mvnw -q -f bench/pom.xml package   (and ./mvnw package -DskipTests for the service)
# Run:          bench/ingest.sh [--messages=N] [--rate=R] [--port=P] [--db=NAME] [--service-jar=PATH]
#                               [--warmup=W] [--http-port=P] [--management-port=P]
#                               [--broker-only | --service-only] [--keep-logs]
#                               [--sustained=F]  (pace the service at F x the ceiling measured first)
# Every option can also come from the environment: MESSAGES RATE PORT DB SERVICE_JAR WARMUP HTTP_PORT
# MANAGEMENT_PORT (more below). See bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

MESSAGES="${MESSAGES:-300000}"        # messages per measured run
RATE="${RATE:-0}"                     # service run: 0 = flood, R = paced at R msgs/s
SUSTAINED="${SUSTAINED:-}"            # service run paced at this fraction of the ceiling just measured
PORT="${PORT:-18831}"                 # first port tried for the bench broker
DB="${DB:-gridbench}"                 # dropped and recreated before the service run
SERVICE_JAR="${SERVICE_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/grid-command-bench.jar}"
HTTP_PORT="${HTTP_PORT:-18080}"       # first port tried for the service's HTTP
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19000}" # first port tried for its management interface (health, metrics)
WARMUP="${WARMUP:-50000}"             # messages sent first in each run, not measured (JIT warm-up)
CONNECTIONS="${CONNECTIONS:-4}"       # generator MQTT connections
DEVICES="${DEVICES:-1000}"            # distinct device ids
STALL="${STALL:-30}"                  # seconds without progress that end a run
READY_TIMEOUT="${READY_TIMEOUT:-120}" # seconds for the service to become ready
COUNT_SOURCE="${COUNT_SOURCE:-auto}"  # progress polling: auto (stats API if it answers, else psql), api, psql
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx1g}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx256m}"  # a bounded heap, as in production (k8s/)
MODE=all
KEEP_LOGS="${KEEP_LOGS:-0}"
# jq program that finds the telemetry "processed" counter in GET /api/v1/stats/ingest, whatever its nesting.
STATS_JQ="${STATS_JQ:-first((.. | objects | select(has(\"telemetry\")) | .telemetry | objects | .processed | numbers),
  (.. | objects | select(has(\"processed\")) | .processed | objects | .telemetry | numbers),
  (.. | objects | select(has(\"processed\")) | select(any(.[]; type == \"string\" and ascii_downcase == \"telemetry\"))
     | .processed | numbers)) // empty}"

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

for arg in "$@"; do
  case "$arg" in
    --messages=*) MESSAGES="${arg#*=}" ;;
    --rate=*) RATE="${arg#*=}" ;;
    --sustained=*) SUSTAINED="${arg#*=}" ;;
    --port=*) PORT="${arg#*=}" ;;
    --db=*) DB="${arg#*=}" ;;
    --service-jar=*) SERVICE_JAR="${arg#*=}" ;;
    --bench-jar=*) BENCH_JAR="${arg#*=}" ;;
    --http-port=*) HTTP_PORT="${arg#*=}" ;;
    --management-port=*) MANAGEMENT_PORT="${arg#*=}" ;;
    --warmup=*) WARMUP="${arg#*=}" ;;
    --connections=*) CONNECTIONS="${arg#*=}" ;;
    --devices=*) DEVICES="${arg#*=}" ;;
    --stall=*) STALL="${arg#*=}" ;;
    --count-source=*) COUNT_SOURCE="${arg#*=}" ;;
    --broker-only) MODE=broker ;;
    --service-only) MODE=service ;;
    --keep-logs) KEEP_LOGS=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "ingest.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

log() { printf '[ingest %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'ingest.sh: error: %s\n' "$*" >&2; exit 1; }
is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

for v in MESSAGES RATE PORT HTTP_PORT MANAGEMENT_PORT WARMUP CONNECTIONS DEVICES STALL READY_TIMEOUT; do
  is_uint "${!v}" || die "$v must be a whole number, got '${!v}'"
done
(( MESSAGES > 0 )) || die "MESSAGES must be > 0"
(( CONNECTIONS > 0 && DEVICES > 0 )) || die "CONNECTIONS and DEVICES must be > 0"
[[ "$DB" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "DB must be a plain lower-case name, got '$DB'"
case "$DB" in postgres|template0|template1) die "refusing to drop database '$DB'" ;; esac
case "$COUNT_SOURCE" in auto|api|psql) ;; *) die "COUNT_SOURCE must be auto, api or psql" ;; esac
RUN_ID="r$(date +%Y%m%d%H%M%S)"

# ---------------------------------------------------------------- preflight: fail before starting anything
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH${2:+ ($2)}"; }
need java
need mosquitto "apt-get install mosquitto"
[[ -f "$BENCH_JAR" ]] || die "bench jar not found: $BENCH_JAR -- build it: ./mvnw -q -f bench/pom.xml package"
if [[ "$MODE" != broker ]]; then
  need psql "apt-get install postgresql-client"
  need curl
  [[ -f "$SERVICE_JAR" ]] || die "service jar not found: $SERVICE_JAR -- build the service first:" \
    "./mvnw package -DskipTests (or set SERVICE_JAR, or run with --broker-only)"
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atqc 'select 1' >/dev/null 2>&1 \
    || die "cannot reach PostgreSQL as $PGUSER@$PGHOST:$PGPORT (trust auth or PGPASSWORD expected)"
  if [[ "$COUNT_SOURCE" != psql ]] && ! command -v jq >/dev/null 2>&1; then
    [[ "$COUNT_SOURCE" == api ]] && die "COUNT_SOURCE=api needs jq"
    COUNT_SOURCE=psql
  fi
fi

# ---------------------------------------------------------------- our processes, and only ours
TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-bench.XXXXXX")"
MOSQ_PID="" SUB_PID="" GEN_PID="" SVC_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$GEN_PID" generator
  stop_pid "$SUB_PID" subscriber
  stop_pid "$SVC_PID" service
  stop_pid "$MOSQ_PID" mosquitto
  if [[ $rc -eq 0 && "$KEEP_LOGS" != 1 ]]; then rm -rf "$TMP"; else log "logs kept in $TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


field() { sed -n "s/.*\\b$1=\\([0-9.]*\\).*/\\1/p" "$2" | tail -1; }
fmt_rate() { awk -v r="$1" 'BEGIN { if (r == "" || r == "n/a") print "n/a"; else printf "%.0f", r }'; }

# ---------------------------------------------------------------- a. the bench broker
PORT="$(free_port "$PORT")"
cat >"$TMP/mosquitto.conf" <<EOF
# generated by bench/ingest.sh: a broker for this run only
listener $PORT 127.0.0.1
allow_anonymous true
# 65535, the MQTT 5 default, rather than 0: with 0 a client that sends no receive maximum gets no limit at all
# and packet ids wrap while still in flight. (Mosquitto 2.0.11 overruns a lagging subscriber's receive
# maximum anyway: see bench/README.md.)
max_inflight_messages 65535
# very large rather than 0: 2.0.x mishandles 0 (unlimited) in its in-flight checks
max_queued_messages 10000000
persistence false
set_tcp_nodelay true
log_dest stderr
log_type error
log_type warning
log_type notice
EOF
log "bench broker config ($TMP/mosquitto.conf):"
sed 's/^/    /' "$TMP/mosquitto.conf" >&2
[[ -f "$ROOT/mqtt-config/mosquitto.conf" ]] \
  && log "(the deployment broker config is mqtt-config/mosquitto.conf; the bench uses the minimal one above)"
mosquitto -c "$TMP/mosquitto.conf" >"$TMP/mosquitto.log" 2>&1 &
MOSQ_PID=$!
wait_port "$PORT" 10 "$MOSQ_PID" || { cat "$TMP/mosquitto.log" >&2; die "mosquitto did not start on port $PORT"; }
log "mosquitto $(mosquitto -h 2>/dev/null | sed -n 's/^mosquitto version \([0-9.]*\).*/\1/p') pid $MOSQ_PID on 127.0.0.1:$PORT"

gen() { # label extra-args...: LoadGenerator in the background, stdout to $TMP/gen-<label>.out
  local label="$1"; shift
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -jar "$BENCH_JAR" --host=127.0.0.1 --port="$PORT" --count="$MESSAGES" \
    --warmup="$WARMUP" --connections="$CONNECTIONS" --devices="$DEVICES" --run-id="$RUN_ID-$label" \
    --drain-timeout="$STALL" "$@" >"$TMP/gen-$label.out" 2> >(tee "$TMP/gen-$label.err" | sed -u "s/^/    /" >&2) &
  GEN_PID=$!
}

# ---------------------------------------------------------------- b. broker-only ceiling
BROKER_RATE="n/a" BROKER_RECEIVED="n/a" BROKER_GEN_RATE="n/a" BROKER_INVALID=0
if [[ "$MODE" != service ]]; then
  log "broker-only ceiling: BareSubscriber + LoadGenerator, $WARMUP warm-up + $MESSAGES measured, unpaced"
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -cp "$BENCH_JAR" city.gridcommand.bench.BareSubscriber --host=127.0.0.1 --port="$PORT" \
    --warmup="$WARMUP" --expect="$MESSAGES" --idle-exit="$STALL" --max-wait=3600 \
    >"$TMP/sub.out" 2>"$TMP/sub.err" &
  SUB_PID=$!
  for ((i = 0; i < 300; i++)); do
    grep -q '^ready' "$TMP/sub.err" 2>/dev/null && break
    kill -0 "$SUB_PID" 2>/dev/null || { cat "$TMP/sub.err" >&2; die "BareSubscriber exited before subscribing"; }
    sleep 0.1
  done
  grep -q '^ready' "$TMP/sub.err" || die "BareSubscriber did not subscribe within 30 s"
  gen broker --rate=0
  gen_rc=0; wait "$GEN_PID" || gen_rc=$?; GEN_PID=""
  # the subscriber stops by itself (count reached, or idle for $STALL s); bound the wait all the same
  for ((i = 0; i < (STALL + 30) * 10; i++)); do kill -0 "$SUB_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$SUB_PID" 2>/dev/null; then log "the subscriber is still waiting: stopping it"; stop_pid "$SUB_PID" subscriber; fi
  sub_rc=0; wait "$SUB_PID" 2>/dev/null || sub_rc=$?; SUB_PID=""
  sed 's/^/    /' "$TMP/sub.err" | grep -v '^\s*\[sub' >&2 || true
  (( gen_rc == 0 )) || log "warning: generator exit status $gen_rc (not every publish acknowledged)"
  if (( sub_rc != 0 )); then
    log "warning: the subscriber did not receive all $MESSAGES messages (lost connection?): ceiling not valid"
    BROKER_INVALID=1
  fi
  BROKER_RATE="$(field rate "$TMP/sub.out")"
  BROKER_RECEIVED="$(field received "$TMP/sub.out")"; BROKER_RECEIVED="${BROKER_RECEIVED:-0}"
  BROKER_GEN_RATE="$(field rate "$TMP/gen-broker.out")"
  log "broker-only: generator $(cat "$TMP/gen-broker.out"); subscriber $(cat "$TMP/sub.out")"
fi

# A sustained run paces the service at a fraction of the ceiling measured above, with the generator
# publishing throughout: unlike a flood, whose generator stops early and leaves its CPU to the service.
if [[ -n "$SUSTAINED" && "$MODE" == all && "$BROKER_RATE" =~ ^[0-9.]+$ ]]; then
  RATE="$(awk -v f="$SUSTAINED" -v c="$BROKER_RATE" 'BEGIN { printf "%d", f * c }')"
  log "sustained: pacing the service at $SUSTAINED of the ceiling, $RATE msg/s"
fi

# ---------------------------------------------------------------- c. the service
SVC_CONNECTS="n/a" SVC_LOST="n/a" SVC_RATE="n/a" SVC_CPU="n/a" SVC_RSS="n/a" ALL_STORED="n/a" DUPES="n/a" RATIO="n/a" STORED="n/a" LAG="n/a"
PG_CPU="n/a" MOSQ_CPU="n/a" GEN_CPU="n/a" DEAD="n/a" SVC_DUPES="n/a" DB_RATE="n/a" SVC_GEN="n/a" COUNTED_BY="n/a"
if [[ "$MODE" != broker ]]; then
  HTTP_PORT="$(free_port "$HTTP_PORT")"
  MANAGEMENT_PORT="$(free_port "$MANAGEMENT_PORT")"
  (( MANAGEMENT_PORT != HTTP_PORT )) || MANAGEMENT_PORT="$(free_port $((HTTP_PORT + 1)))"
  PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -Atq)
  log "recreating database $DB"
  PGOPTIONS="-c client_min_messages=warning" "${PSQL[@]}" -d postgres \
    -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null
  # template0: template1 may be busy (another client connected to it makes CREATE DATABASE fail)
  for ((i = 1; ; i++)); do
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$DB\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null && break
    (( i < 5 )) || die "cannot create database $DB"
    sleep 2
  done

  # Sign-in: the service is its own token issuer here (a real database, so that has to be allowed
  # explicitly), with a key of this run; the jar's token command signs the admin token the stats API wants.
  # A version from before sign-in has no token command and takes no token.
  KEY_FILE="$TMP/identity/signing-key.jwk"
  admin_auth "$SERVICE_JAR" "$KEY_FILE" || die "the token command failed"

  log "starting the service: $SERVICE_JAR (http $HTTP_PORT, management $MANAGEMENT_PORT, mqtt $PORT, db $DB)"
  svc_env=(GRID_MQTT_URL="tcp://127.0.0.1:$PORT" GRID_DB_URL="postgresql://$PGHOST:$PGPORT/$DB"
    GRID_DB_USERNAME="$PGUSER" GRID_MQTT_CLIENT_ID=grid-command-bench QUARKUS_HTTP_PORT="$HTTP_PORT"
    GRID_MANAGEMENT_PORT="$MANAGEMENT_PORT" GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true GRID_AUTH_SIGNING_KEY="$KEY_FILE")
  [[ -n "${PGPASSWORD:-}" ]] && svc_env+=(GRID_DB_PASSWORD="$PGPASSWORD")
  # shellcheck disable=SC2086
  (cd "$ROOT" && exec env "${svc_env[@]}" java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR") >"$TMP/service.log" 2>&1 &
  SVC_PID=$!
  ready=0
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    if ! kill -0 "$SVC_PID" 2>/dev/null; then
      tail -40 "$TMP/service.log" >&2
      die "the service exited during start-up (log above, full log $TMP/service.log)"
    fi
    # ready is the REST API's (the database); ingest has its own health group since the readiness split,
    # and a version without that group answers 404 there (then its readiness included the broker). Both are
    # on the management port (on the HTTP port in a version from before sign-in).
    if [[ "$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/ready)" == 200 ]]; then
      code="$(health_code "$MANAGEMENT_PORT" "$HTTP_PORT" /q/health/group/ingest)"
      if [[ "$code" == 200 || "$code" == 404 ]]; then ready=1; break; fi
    fi
    sleep 0.5
  done
  if (( !ready )); then
    tail -40 "$TMP/service.log" >&2
    curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >&2 || curl -s "http://127.0.0.1:$HTTP_PORT/q/health/ready" >&2 || true
    die "the service was not ready within $READY_TIMEOUT s"
  fi
  log "service ready after $((i / 2)) s (pid $SVC_PID)"
  [[ -n "$("${PSQL[@]}" -d "$DB" -c "select to_regclass('telemetry')")" ]] \
    || die "the service is ready but database $DB has no telemetry table"

  psql_count() { "${PSQL[@]}" -d "$DB" -c "select count(*) from telemetry"; }
  api_count() { curl -sf --max-time 2 "${AUTH[@]}" "http://127.0.0.1:$HTTP_PORT/api/v1/stats/ingest" | jq -r "$STATS_JQ" 2>/dev/null | head -1; }
  if [[ "$COUNT_SOURCE" != psql ]]; then
    if [[ "$(api_count)" =~ ^[0-9]+$ ]]; then COUNT_SOURCE=api
    elif [[ "$COUNT_SOURCE" == api ]]; then die "GET /api/v1/stats/ingest gave no telemetry processed count"
    else COUNT_SOURCE=psql; fi
  fi
  count_now() { if [[ "$COUNT_SOURCE" == api ]]; then api_count; else psql_count; fi; }
  COUNTED_BY="$COUNT_SOURCE"
  base="$(count_now)"; is_uint "$base" || die "cannot read the stored count (got '$base')"
  base_db="$(psql_count)"
  expected=$((WARMUP + MESSAGES))
  log "progress counted by $COUNT_SOURCE every 0.5 s; $WARMUP warm-up + $MESSAGES measured," \
    "$( ((RATE > 0)) && echo "paced at $RATE msg/s" || echo unpaced)"

  gen service --rate="$RATE" --quiet
  gen_ms0="$(now_ms)"; gen_t0="$(ticks "$GEN_PID")"
  prev="$base" t_first="" c_first="" t_last="" c_last="" t_prev="" c_prev="" last_progress="$gen_ms0" gen_end="" tick=0
  s_first=0 p_first=0 m_first=0 s_last=0 p_last=0 m_last=0 gen_t1=0 gen_t1_ms="$gen_ms0" rss=""
  while true; do
    sleep 0.5
    now="$(now_ms)"
    c="$(count_now || true)"; is_uint "$c" || c="$prev"
    r="$(hwm_mb "$SVC_PID")"; [[ -n "$r" ]] && rss="$r"
    if [[ -z "$gen_end" ]] && ! kill -0 "$GEN_PID" 2>/dev/null; then gen_end="$now"; fi
    if [[ -z "$gen_end" ]]; then # ticks() is 0 once the JVM is gone: keep the last real sample
      r="$(ticks "$GEN_PID")"; if (( r > gen_t1 )); then gen_t1="$r" gen_t1_ms="$now"; fi
    fi
    if (( c > prev )); then
      last_progress="$now"
      if [[ -z "$t_first" ]] && (( c - base > WARMUP )); then
        t_first="$now" c_first="$c"
        s_first="$(ticks "$SVC_PID")" p_first="$(pg_ticks)" m_first="$(ticks "$MOSQ_PID")"
      elif [[ -n "$t_first" ]]; then
        [[ -n "$t_last" ]] && t_prev="$t_last" c_prev="$c_last"
        t_last="$now" c_last="$c"
        s_last="$(ticks "$SVC_PID")" p_last="$(pg_ticks)" m_last="$(ticks "$MOSQ_PID")"
      fi
      prev="$c"
    fi
    if (( ++tick % 2 == 0 )); then
      printf '    [svc %4ds] stored=%d of %d%s\n' $(((now - gen_ms0) / 1000)) $((c - base)) "$expected" \
        "$( [[ -n "$t_last" ]] && awk -v n=$((c_last - c_first)) -v ms=$((t_last - t_first)) \
          'BEGIN { printf " rate=%.0f/s", n / ms * 1000 }')" >&2
    fi
    kill -0 "$SVC_PID" 2>/dev/null || { log "the service died"; break; }
    if [[ -n "$gen_end" ]] && (( c - base >= expected )); then
      [[ "$COUNT_SOURCE" == psql ]] && break
      # the stats API is only a cheap progress signal: the database decides when we are done
      pc="$(psql_count || echo 0)"
      (( pc - base_db >= expected )) && break
      log "the stats API counts $((c - base)) but the database holds $((pc - base_db)): polling the database"
      COUNT_SOURCE=psql COUNTED_BY="api, then psql (rate window restarted)" base="$base_db" prev="$pc" last_progress="$now"
      t_first="" c_first="" t_last="" c_last="" t_prev="" c_prev=""
    fi
    if (( now - last_progress > STALL * 1000 )); then log "no progress for $STALL s: stopping"; break; fi
  done
  if [[ -z "$gen_end" ]]; then log "generator still running: stopping it"; stop_pid "$GEN_PID" generator; gen_end="$(now_ms)"; fi
  gen_rc=0; wait "$GEN_PID" 2>/dev/null || gen_rc=$?; GEN_PID=""
  (( gen_rc == 0 )) || log "warning: generator exit status $gen_rc (not every publish acknowledged)"
  SVC_GEN="$(cat "$TMP/gen-service.out" 2>/dev/null || true)"
  [[ -n "$(hwm_mb "$SVC_PID")" ]] && rss="$(hwm_mb "$SVC_PID")"
  SVC_RSS="${rss:-n/a}"
  GEN_CPU="$(cpu_pct $((gen_t1 - gen_t0)) $((gen_t1_ms - gen_ms0)))"
  # the generator's last acknowledgement, more exact than when its JVM was seen gone
  last_ack="$(sed -n 's/.*last answer at epoch ms \([0-9]*\).*/\1/p' "$TMP/gen-service.err" | tail -1)"
  if is_uint "${last_ack:-x}" && (( last_ack < gen_end )); then gen_end="$last_ack"; fi

  if [[ -n "$t_last" ]] && (( t_last > t_first )); then
    ms=$((t_last - t_first))
    # The last poll may come up to 0.5 s after the last row: end the window where the rows of the last
    # interval would have been done at the rate seen before it (never later than that poll).
    end_ms="$t_last"
    if [[ -n "$t_prev" ]] && (( t_prev > t_first && c_prev > c_first )); then
      end_ms="$(awk -v tp="$t_prev" -v cp="$c_prev" -v tf="$t_first" -v cf="$c_first" -v cl="$c_last" -v tl="$t_last" \
        'BEGIN { e = tp + (cl - cp) / ((cp - cf) / (tp - tf)); printf "%d", (e < tl ? e : tl) }')"
    fi
    SVC_RATE="$(awk -v n=$((c_last - c_first)) -v ms=$((end_ms - t_first)) 'BEGIN { printf "%.1f", n / ms * 1000 }')"
    SVC_CPU="$(cpu_pct $((s_last - s_first)) "$ms")"
    PG_CPU="$(cpu_pct $((p_last - p_first)) "$ms")"
    MOSQ_CPU="$(cpu_pct $((m_last - m_first)) "$ms")"
    LAG="$(awk -v ms=$((t_last - gen_end)) 'BEGIN { printf "%.1f", (ms < 0 ? 0 : ms) / 1000 }')"
  fi

  # the database is the source of truth
  read -r STORED DISTINCT < <("${PSQL[@]}" -F ' ' -d "$DB" \
    -c "select count(*), count(distinct (device_id, seq)) from telemetry where device_id like 'bench-$RUN_ID-service-%'")
  DUPES=$((STORED - DISTINCT))
  ALL_STORED=$( ((DISTINCT == expected)) && echo yes || echo "no ($DISTINCT of $expected)")
  DEAD="$("${PSQL[@]}" -d "$DB" -c "select count(*) from dead_letter" 2>/dev/null || echo n/a)"
  DB_RATE="$("${PSQL[@]}" -d "$DB" -c "select round(count(*) * 1000.0 / nullif(max(received_at) - min(received_at), 0))
    from (select received_at from telemetry order by received_at offset $WARMUP) t" 2>/dev/null || echo n/a)"
  SVC_DUPES="$(curl -sf --max-time 2 "${AUTH[@]}" "http://127.0.0.1:$HTTP_PORT/api/v1/stats/ingest" 2>/dev/null \
    | jq -r 'first((.. | objects | select(has("telemetry")) | .telemetry | objects | .duplicates | numbers),
        (.. | objects | select(has("duplicates")) | .duplicates | objects | .telemetry | numbers)) // "n/a"' 2>/dev/null \
    || echo n/a)"
  [[ -n "$SVC_DUPES" ]] || SVC_DUPES=n/a
  # the service is still running: any disconnect the broker logged for it so far is a lost connection
  SVC_CONNECTS="$(grep -c 'New client connected .* as grid-command-bench ' "$TMP/mosquitto.log" || true)"
  SVC_LOST="$(grep -cE 'Client grid-command-bench (disconnected|closed its connection|has exceeded timeout)' \
    "$TMP/mosquitto.log" || true)"
  if (( SVC_LOST > 0 )); then
    log "warning: the service lost its MQTT connection $SVC_LOST times (connected $SVC_CONNECTS times); first:"
    grep -E 'Client grid-command-bench (disconnected|closed|has exceeded)' "$TMP/mosquitto.log" | head -3 \
      | sed 's/^/    /' >&2 || true
  fi
  if [[ "$BROKER_RATE" =~ ^[0-9.]+$ && "$SVC_RATE" =~ ^[0-9.]+$ ]] && (( !BROKER_INVALID )); then
    RATIO="$(awk -v s="$SVC_RATE" -v b="$BROKER_RATE" 'BEGIN { printf "%.2f", s / b }')"
  fi
  if (( RATE > 0 )) && [[ "$SVC_RATE" =~ ^[0-9.]+$ ]]; then # paced: say how much of the target was held
    HELD="$(awk -v s="$SVC_RATE" -v r="$RATE" 'BEGIN { printf "%.2f", s / r }')"
    RATIO="${RATIO/n\/a/}${RATIO:+ }(paced: $HELD of target)"
    [[ "$RATIO" == " (paced"* ]] && RATIO="n/a$RATIO"
  fi
  log "service: generator $SVC_GEN; stored $STORED rows ($DISTINCT distinct) of $expected"
fi

# ---------------------------------------------------------------- e. the table
CPU_MODEL="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
RAM_GB="$(awk '/^MemTotal:/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
MACHINE="$(nproc) × ${CPU_MODEL:-unknown CPU}, ${RAM_GB} GiB"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo uncommitted)"
if [[ "$COMMIT" != uncommitted && -n "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -1)" ]]; then
  COMMIT="$COMMIT (+local changes)"
fi
TARGET=$( ((RATE > 0)) && echo "$RATE/s" || echo flood)
# CPU per stored message varies less between runs than rates do on a shared box: the steadier figure.
CPU_PER_MSG="$(awk -v c="$SVC_CPU" -v r="$SVC_RATE" 'BEGIN { if (c ~ /^[0-9.]+$/ && r + 0 > 0) printf "%.1f", c / 100 * 1e6 / r; else print "n/a" }')"
BROKER_CELL="$(fmt_rate "$BROKER_RATE")"
(( BROKER_INVALID )) && BROKER_CELL="$BROKER_CELL (incomplete: ${BROKER_RECEIVED} received)"

cat <<EOF

| machine | date | commit | N | load | broker-only msg/s | service msg/s | service / broker-only | service CPU % | peak RSS MB | all stored | duplicates | service CPU µs/msg |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
| $MACHINE | $(date +%Y-%m-%d) | $COMMIT | $MESSAGES | $TARGET | $BROKER_CELL | $(fmt_rate "$SVC_RATE") | $RATIO | $SVC_CPU | $SVC_RSS | $ALL_STORED | $DUPES | $CPU_PER_MSG |

Details: warm-up $WARMUP messages per run (not measured); $CONNECTIONS connections, $DEVICES devices, QoS 1; broker mosquitto on 127.0.0.1:$PORT.
EOF
if [[ "$MODE" != service ]]; then
  echo "- broker-only: subscriber received ${BROKER_RECEIVED} in the measured part; generator acked at $(fmt_rate "$BROKER_GEN_RATE") msg/s."
fi
[[ "$MODE" == broker ]] || cat <<EOF
- service: generator \`${SVC_GEN}\`; rows counted by $COUNTED_BY every 0.5 s; by received_at: $(fmt_rate "$DB_RATE") msg/s; drained $LAG s after the generator finished.
- CPU (% of one core, over the measured window): service $SVC_CPU, postgres $PG_CPU, mosquitto $MOSQ_CPU, generator $GEN_CPU.
- rows stored $STORED, duplicate rows $DUPES, duplicates counted by the service $SVC_DUPES, dead letters $DEAD; service MQTT connections $SVC_CONNECTS, lost $SVC_LOST.
EOF
if [[ "$MODE" != broker && "$ALL_STORED" != yes ]] || (( BROKER_INVALID )); then
  log "not every message arrived: exit status 3"
  exit 3
fi
