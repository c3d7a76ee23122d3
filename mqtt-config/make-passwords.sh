#!/usr/bin/env bash
# Build a Mosquitto password file (PBKDF2-SHA512 hashes) with mosquitto_passwd -b.
#
#   make-passwords.sh [--service] OUTPUT [USER:PASSWORD ...]   # or USER:PASSWORD lines on stdin
#
# Two files, one per listener (mosquitto.conf): the devices' (passwd) refuses
# users named grid-command*, whose names would be the service's client ids on
# that listener; with --service the file is the service listener's
# (service-passwd) and takes grid-command* users only.
#
# The password is everything after the first ':' (it may contain ':').
# Blank lines and lines starting with # are ignored. The file is rebuilt from
# scratch each run, so it holds exactly the users given (a user removed from the
# input loses access), and replaced atomically; running it twice gives the same
# users and passwords (the salts differ). Send the broker SIGHUP to reload it.
#
# Prefer stdin: arguments are visible in the process list, and mosquitto_passwd
# -b itself briefly shows each password in its own arguments, so run this on a
# trusted host/container, never on a shared machine.
#
#   printf '%s\n' "grid-command:$GRID_MQTT_PASSWORD" | make-passwords.sh --service /mosquitto/secret/service-passwd
#   make-passwords.sh /mosquitto/secret/passwd < device-credentials.txt
set -euo pipefail

usage() { echo "usage: $0 [--service] OUTPUT [USER:PASSWORD ...]   (lines on stdin if none given)" >&2; exit 2; }
service=false
if [[ ${1:-} == --service ]]; then service=true; shift; fi
[[ $# -ge 1 ]] || usage
out=$1; shift
command -v mosquitto_passwd >/dev/null || { echo "$0: mosquitto_passwd not found" >&2; exit 1; }

entries() { if [[ $# -gt 0 ]]; then printf '%s\n' "$@"; else cat; fi; }

umask 077
tmp=$(mktemp "$(dirname "$out")/.passwd.XXXXXX")
trap 'rm -f "$tmp"' EXIT

declare -A seen=()
n=0
while IFS= read -r line || [[ -n $line ]]; do
  n=$((n + 1)); line=${line%$'\r'}
  [[ -z ${line//[[:space:]]/} || $line == \#* ]] && continue
  [[ $line == *:* ]] || { echo "$0: entry $n is not USER:PASSWORD" >&2; exit 1; }
  user=${line%%:*}; pass=${line#*:}
  [[ -n $user && $user != *[[:space:][:cntrl:]]* ]] || { echo "$0: invalid user name '$user'" >&2; exit 1; }
  [[ -n $pass ]] || { echo "$0: empty password for '$user'" >&2; exit 1; }
  if $service; then
    [[ $user == grid-command* ]] || { echo "$0: '$user' is not a service user (grid-command*)" >&2; exit 1; }
  else
    [[ $user != grid-command* ]] || { echo "$0: '$user' belongs in the service's file (--service)" >&2; exit 1; }
  fi
  [[ -z ${seen[$user]:-} ]] || { echo "$0: duplicate user '$user'" >&2; exit 1; }
  seen[$user]=1
  mosquitto_passwd -b "$tmp" "$user" "$pass" >/dev/null
done < <(entries "$@")

[[ ${#seen[@]} -gt 0 ]] || { echo "$0: no users given" >&2; exit 1; }
# Readable by the owner only. If the broker runs as another user, chown/chmod the
# result (e.g. chown mosquitto:mosquitto) or mount it from a Secret.
mv -f "$tmp" "$out"
trap - EXIT
echo "$0: wrote $out (${#seen[@]} users)" >&2
