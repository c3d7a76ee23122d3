#!/usr/bin/env bash
# Build the broker ACL: the static rules in ./acl plus one block per device.
#
#   make-acl.sh OUTPUT [KIND:ID ...]        # or KIND:ID lines on stdin
#
# KIND is sensor, camera, worker or gateway; ID is the username the device connects with
# (= the id in its topics). Blank lines and lines starting with # are ignored.
# The output is rebuilt from scratch each run (same input -> same file) and
# replaced atomically, so a broker reading it never sees half a file; send the
# broker SIGHUP afterwards to reload it.
#
# A gateway (a concentrator or video platform speaking for the devices behind it)
# gets its own gateway topics only: it cannot publish as any device.
#
#   printf 'sensor:smk-1\ncamera:cam-7\nworker:wrk-1\ngateway:lora-1\n' | make-acl.sh /mosquitto/config/acl
set -euo pipefail

usage() { echo "usage: $0 OUTPUT [KIND:ID ...]   (KIND:ID lines on stdin if none given)" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
out=$1; shift
base="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/acl"
[[ -r $base ]] || { echo "$0: base ACL $base not readable" >&2; exit 1; }

entries() { if [[ $# -gt 0 ]]; then printf '%s\n' "$@"; else cat; fi; }

tmp=$(mktemp "$(dirname "$out")/.acl.XXXXXX")
trap 'rm -f "$tmp"' EXIT
cat "$base" > "$tmp"

declare -A seen=()
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%$'\r'}
  [[ -z ${line//[[:space:]]/} || $line == \#* ]] && continue
  [[ $line == *:* ]] || { echo "$0: not KIND:ID: '$line'" >&2; exit 1; }
  kind=${line%%:*}; id=${line#*:}
  case $kind in sensor|camera|worker|gateway) ;; *) echo "$0: unknown kind '$kind' (sensor, camera, worker, gateway)" >&2; exit 1 ;; esac
  # An id is one topic level: no separators, wildcards, spaces or control chars.
  if [[ -z $id || $id == *[/+#[:space:][:cntrl:]]* || $id == \$* ]]; then
    echo "$0: invalid id '$id'" >&2; exit 1
  fi
  # grid-command* are the service's client ids (on the devices' listener a username is the client id)
  case $id in grid-command*|grid-bench) echo "$0: '$id' is reserved" >&2; exit 1 ;; esac
  [[ -z ${seen[$id]:-} ]] || { echo "$0: duplicate id '$id'" >&2; exit 1; }
  seen[$id]=1
  {
    echo
    echo "user $id"
    case $kind in
      sensor) echo "topic write grid/v1/sensors/$id/telemetry" ;;
      camera) echo "topic write grid/v1/cameras/$id/detections" ;;
      worker) echo "topic write grid/v1/workers/$id/location"
              echo "topic write grid/v1/workers/$id/reports"
              echo "topic write grid/v1/workers/$id/acks"
              echo "topic read grid/v1/workers/$id/alerts" ;;
      gateway) echo "topic write grid/v1/gateways/$id/telemetry"
               echo "topic write grid/v1/gateways/$id/detections"
               echo "topic write grid/v1/gateways/$id/acks"
               echo "topic write grid/v1/gateways/$id/status"
               echo "topic read grid/v1/gateways/$id/alerts" ;;
    esac
  } >> "$tmp"
done < <(entries "$@")

chmod 0644 "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
echo "$0: wrote $out (${#seen[@]} devices)" >&2
