#!/usr/bin/env bash
# Start a throw-away Mosquitto with this folder's config and check the ACL and the
# no-loss queue settings with real clients (MQTT 5, QoS 1).
#
#   mqtt-config/test-broker.sh [PORT]      # default 18830; needs mosquitto + clients
#
# The copy of mosquitto.conf gets the four deployment lines replaced with sed
# (listener, persistence_location, password_file, acl_file), as an integration
# test would do. Only the broker started here is stopped, by its pid.
set -euo pipefail

port=${1:-18830}
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

mkdir "$tmp/data"
sed -e "s|^listener .*|listener $port 127.0.0.1|" \
    -e "s|^persistence_location .*|persistence_location $tmp/data|" \
    -e "s|^password_file .*|password_file $tmp/passwd|" \
    -e "s|^acl_file .*|acl_file $tmp/acl|" \
    "$here/mosquitto.conf" > "$tmp/mosquitto.conf"
"$here/make-passwords.sh" "$tmp/passwd" 2>/dev/null <<'EOF'
grid-command:svc-secret
smk-1:smk1-secret
smk-2:smk2-secret
wrk-1:wrk1-secret
EOF
"$here/make-acl.sh" "$tmp/acl" sensor:smk-1 sensor:smk-2 worker:wrk-1 2>/dev/null
# Run as root, mosquitto drops to the 'mosquitto' user: let it use the files.
if [[ $(id -u) -eq 0 ]] && getent passwd mosquitto >/dev/null; then
  chown -R mosquitto "$tmp"; chmod 755 "$tmp"
fi

start_broker() {
  mosquitto -c "$tmp/mosquitto.conf" >> "$tmp/broker.log" 2>&1 &
  broker_pid=$!
  for _ in $(seq 50); do
    mosquitto_pub -h 127.0.0.1 -p "$port" -u grid-command -P svc-secret -t grid/v1/events/ping -n \
      2>/dev/null && return 0
    sleep 0.1
  done
  echo "broker did not start:" >&2; cat "$tmp/broker.log" >&2; exit 1
}
stop_broker() { kill -TERM "$broker_pid"; wait "$broker_pid" 2>/dev/null || true; broker_pid=; }

mq=(-h 127.0.0.1 -p "$port" -V mqttv5 -q 1)
failures=0
check() { # check LABEL CONDITION...
  local label=$1; shift
  if "$@"; then echo "PASS  $label"; else echo "FAIL  $label"; failures=$((failures + 1)); fi
}
received() { sleep 0.3; grep -q -F -- "$1" "$tmp/service.out"; }
# publish USER PASSWORD TOPIC MARKER -> prints mosquitto_pub's output (reason on denial)
publish() {
  local out
  out=$(mosquitto_pub "${mq[@]}" -u "$1" -P "$2" -i "$1-test" -t "$3" -m "{\"marker\":\"$4\"}" 2>&1 || true)
  echo "${out//$'\n'/ }"
}

start_broker
# The service's subscription: shared group, as GRID_MQTT_SHARED_GROUP does.
mosquitto_sub "${mq[@]}" -u grid-command -P svc-secret -i grid-command-test \
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
kill "$sub_pid" 2>/dev/null || true; wait "$sub_pid" 2>/dev/null || true; sub_pid=

# No loss while the service is away, across a broker restart: a persistent MQTT 5
# session (no clean start, 1 h expiry) misses 5000 QoS 1 messages, well above
# Mosquitto's default max_queued_messages (1000).
mosquitto_sub "${mq[@]}" -u grid-command -P svc-secret -i grid-command-persist -c -x 3600 \
  -t 'grid/v1/sensors/+/telemetry' -W 1 >/dev/null 2>&1 || true
seq 1 5000 | sed 's/.*/{"seq":&}/' |
  mosquitto_pub "${mq[@]}" -u smk-1 -P smk1-secret -i smk-1-bulk -t grid/v1/sensors/smk-1/telemetry -l
stop_broker
start_broker
mosquitto_sub "${mq[@]}" -u grid-command -P svc-secret -i grid-command-persist -c -x 3600 \
  -t 'grid/v1/sensors/+/telemetry' -W 3 > "$tmp/resumed.out" 2>/dev/null || true
n=$(sort -u "$tmp/resumed.out" | grep -c '"seq"' || true)
check "5000 messages queued for an offline session survive a broker restart (got $n)" test "$n" -eq 5000
stop_broker

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
