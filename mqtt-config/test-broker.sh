#!/usr/bin/env bash
# Start a throw-away Mosquitto with this folder's config and check the ACL and the
# no-loss queue settings with real clients (MQTT 5, QoS 1).
#
#   mqtt-config/test-broker.sh [PORT]      # devices' listener, default 18830; the
#                                          # service's is PORT+1; needs mosquitto + clients
#
# The copy of mosquitto.conf gets its two listener ports and its /mosquitto/
# paths replaced with sed, as an integration test would do. Only the broker
# started here is stopped, by its pid.
set -euo pipefail

port=${1:-18830}
svc_port=$((port + 1))
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in mosquitto mosquitto_passwd mosquitto_pub mosquitto_sub; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/grid-mqtt-test.XXXXXX")
broker_pid=; sub_pid=
cleanup() {
  for pid in $sub_pid $broker_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir "$tmp/data" "$tmp/secret" "$tmp/config"
sed -e "s|^listener 1883\$|listener $port 127.0.0.1|" \
    -e "s|^listener 1884\$|listener $svc_port 127.0.0.1|" \
    -e "s|/mosquitto/|$tmp/|" \
    "$here/mosquitto.conf" > "$tmp/mosquitto.conf"
echo 'grid-command:svc-secret' | "$here/make-passwords.sh" --service "$tmp/secret/service-passwd" 2>/dev/null
"$here/make-passwords.sh" "$tmp/secret/passwd" 2>/dev/null <<'EOF'
smk-1:smk1-secret
smk-2:smk2-secret
wrk-1:wrk1-secret
EOF
"$here/make-acl.sh" "$tmp/config/acl" sensor:smk-1 sensor:smk-2 worker:wrk-1 2>/dev/null
# Run as root, mosquitto drops to the 'mosquitto' user: let it use the files.
if [[ $(id -u) -eq 0 ]] && getent passwd mosquitto >/dev/null; then
  chown -R mosquitto "$tmp"; chmod 755 "$tmp"
fi

start_broker() {
  mosquitto -c "$tmp/mosquitto.conf" >> "$tmp/broker.log" 2>&1 &
  broker_pid=$!
  for _ in $(seq 50); do
    mosquitto_pub -h 127.0.0.1 -p "$svc_port" -u grid-command -P svc-secret -t grid/v1/events/ping -n \
      2>/dev/null && return 0
    sleep 0.1
  done
  echo "broker did not start:" >&2; cat "$tmp/broker.log" >&2; exit 1
}
stop_broker() { kill -TERM "$broker_pid"; wait "$broker_pid" 2>/dev/null || true; broker_pid=; }

mq=(-h 127.0.0.1 -p "$port" -V mqttv5 -q 1)
svc=(-h 127.0.0.1 -p "$svc_port" -V mqttv5 -q 1)
failures=0
check() { # check LABEL CONDITION...
  local label=$1; shift
  if "$@"; then echo "PASS  $label"; else echo "FAIL  $label"; failures=$((failures + 1)); fi
}
received() { sleep 0.3; grep -q -F -- "$1" "$tmp/service.out"; }
# publish USER PASSWORD TOPIC MARKER [CLIENT-ID] -> prints mosquitto_pub's output (reason on denial);
# the service publishes on its own listener, everyone else on the devices'
publish() {
  local out listener=("${mq[@]}")
  [[ $1 == grid-command* ]] && listener=("${svc[@]}")
  out=$(mosquitto_pub "${listener[@]}" -u "$1" -P "$2" -i "${5:-$1-pub}" -t "$3" -m "{\"marker\":\"$4\"}" 2>&1 \
    || true)
  echo "${out//$'\n'/ }"
}

start_broker
# The service's subscription: shared group, as GRID_MQTT_SHARED_GROUP does.
mosquitto_sub "${svc[@]}" -u grid-command -P svc-secret -i grid-command-test \
  -t '$share/grid-command/grid/v1/#' -v > "$tmp/service.out" 2>&1 &
sub_pid=$!
sleep 0.5

publish smk-1 smk1-secret grid/v1/sensors/smk-1/telemetry m1 >/dev/null
check "smk-1 telemetry reaches grid-command (\$share subscription)" received m1
out=$(publish smk-1 smk1-secret grid/v1/sensors/smk-2/telemetry m2)
check "smk-1 cannot publish smk-2's telemetry ($out)" eval '! received m2 && [[ $out == *"Not authorized"* ]]'
out=$(publish wrk-1 wrk1-secret grid/v1/sensors/wrk-1/telemetry m3)
check "wrk-1 cannot publish sensor telemetry, even under its own id ($out)" eval '! received m3 && [[ $out == *"Not authorized"* ]]'
publish wrk-1 wrk1-secret grid/v1/workers/wrk-1/location m4 >/dev/null
check "wrk-1 location reaches grid-command" received m4
out=$(publish smk-2 smk2-secret grid/v1/devices/smk-1/status m5)
check "smk-2 cannot publish smk-1's status ($out)" eval '! received m5'
publish smk-2 smk2-secret grid/v1/devices/smk-2/status m6 >/dev/null
check "smk-2 may publish its own status" received m6
out=$(publish grid-command svc-secret grid/v1/sensors/smk-1/telemetry m7)
check "grid-command cannot publish sensor telemetry ($out)" eval '! received m7'
out=$(mosquitto_pub "${mq[@]}" -i anon-test -t grid/v1/sensors/smk-1/telemetry -m '{"marker":"m8"}' 2>&1 || true)
out=${out//$'\n'/ }
check "anonymous connection refused ($out)" eval '! received m8 && [[ $out == *"Not authorized"* ]]'
out=$(publish smk-1 wrong-password grid/v1/sensors/smk-1/telemetry m9)
check "wrong password refused ($out)" eval '! received m9 && [[ $out == *"Not authorized"* ]]'
mosquitto_sub "${mq[@]}" -u wrk-1 -P wrk1-secret -i wrk-1-alerts -t grid/v1/workers/wrk-1/alerts -C 1 -W 5 \
  > "$tmp/alert.out" 2>&1 &
alert_pid=$!
sleep 0.3
publish grid-command svc-secret grid/v1/workers/wrk-1/alerts m10 >/dev/null
wait "$alert_pid" || true
check "grid-command alert reaches wrk-1's terminal" grep -q m10 "$tmp/alert.out"

# Whose session is whose: a device credential using the service's client id.
# (The broker's log is checked once it has stopped: it writes its log to stdout
# in blocks.)
publish smk-1 smk1-secret grid/v1/sensors/smk-1/telemetry m11 grid-command-test >/dev/null
publish smk-1 smk1-secret grid/v1/sensors/smk-1/telemetry m12 >/dev/null
check "the service still receives the feeds after smk-1 used its client id" received m12
out=$(mosquitto_pub "${svc[@]}" -u smk-1 -P smk1-secret -i grid-command-test -t grid/v1/sensors/smk-1/telemetry \
  -m '{"marker":"m13"}' 2>&1 || true)
out=${out//$'\n'/ }
check "smk-1 cannot connect to the service's listener ($out)" eval '! received m13 && [[ $out == *"Not authorized"* ]]'
out=$(mosquitto_pub "${mq[@]}" -u grid-command -P svc-secret -i grid-command-x -t grid/v1/events/x -n 2>&1 || true)
out=${out//$'\n'/ }
check "grid-command cannot connect to the devices' listener ($out)" eval '[[ $out == *"Not authorized"* ]]'
kill "$sub_pid" 2>/dev/null || true; wait "$sub_pid" 2>/dev/null || true; sub_pid=

# No loss while the service is away, across a broker restart: a persistent MQTT 5
# session (no clean start, 1 h expiry) misses 5000 QoS 1 messages, well above
# Mosquitto's default max_queued_messages (1000).
mosquitto_sub "${svc[@]}" -u grid-command -P svc-secret -i grid-command-persist -c -x 3600 \
  -t 'grid/v1/sensors/+/telemetry' -W 1 >/dev/null 2>&1 || true
seq 1 5000 | sed 's/.*/{"seq":&}/' |
  mosquitto_pub "${mq[@]}" -u smk-1 -P smk1-secret -i smk-1-bulk -t grid/v1/sensors/smk-1/telemetry -l
stop_broker
check "smk-1 connecting as grid-command-test was given its own id" \
  grep -q "New client connected .* as smk-1 .*u'smk-1'" "$tmp/broker.log"
check "... and the service's session grid-command-test was never taken over" \
  eval '! grep -q "Client grid-command-test already connected" "$tmp/broker.log"'
start_broker
mosquitto_sub "${svc[@]}" -u grid-command -P svc-secret -i grid-command-persist -c -x 3600 \
  -t 'grid/v1/sensors/+/telemetry' -W 3 > "$tmp/resumed.out" 2>/dev/null || true
n=$(sort -u "$tmp/resumed.out" | grep -c '"seq"' || true)
check "5000 messages queued for an offline session survive a broker restart (got $n)" test "$n" -eq 5000
stop_broker

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
