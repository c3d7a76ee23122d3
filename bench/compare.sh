#!/usr/bin/env bash
# One benchmark run with its baselines: the broker-only ceiling, the previous version of the service
# and this one, measured back to back on this machine by bench/ingest.sh, then one table of ratios.
#
#   bench/compare.sh [PREVIOUS_REF] [--sustained=F] [ingest.sh options...]   # default PREVIOUS_REF: HEAD~1
#
# --sustained=F paces both service runs at F x the broker-only ceiling measured first.
#
# The previous version is built from git in a throw-away worktree; the current one from this work tree
# (./mvnw package -DskipTests). Both services run with the same SERVICE_JAVA_OPTS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREVIOUS="${1:-HEAD~1}"; shift || true
# --sustained=F: both service runs paced at F x the broker-only ceiling measured first (the issue's yardstick)
SUSTAINED="" PASS=()
for arg in "$@"; do
  case "$arg" in
    --sustained=*) SUSTAINED="${arg#*=}" ;;
    *) PASS+=("$arg") ;;
  esac
done
set -- "${PASS[@]}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/grid-compare.XXXXXX")"
cleanup() { git -C "$ROOT" worktree remove --force "$TMP/previous" >/dev/null 2>&1 || true; rm -rf "$TMP"; }
trap cleanup EXIT

log() { printf '[compare %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
row() { grep -E '^\| [0-9]+ ×' "$1" | tail -1; }
col() { awk -F'|' -v n="$2" '{ gsub(/^ +| +$/, "", $(n + 1)); print $(n + 1) }' <<<"$1"; }

log "building the previous version ($PREVIOUS) and this one"
git -C "$ROOT" worktree add --detach "$TMP/previous" "$PREVIOUS" >/dev/null
(cd "$TMP/previous" && "$ROOT/mvnw" -q -B package -DskipTests)
(cd "$ROOT" && ./mvnw -q -B package -DskipTests && ./mvnw -q -B -f bench/pom.xml package)

log "1/3 broker-only ceiling"
"$ROOT/bench/ingest.sh" --broker-only "$@" | tee "$TMP/broker.md" >&2
if [[ -n "$SUSTAINED" ]]; then
  ceiling="$(col "$(row "$TMP/broker.md")" 6)"
  [[ "$ceiling" =~ ^[0-9.]+$ ]] || { echo "compare.sh: no broker-only ceiling measured" >&2; exit 1; }
  rate="$(awk -v f="$SUSTAINED" -v c="$ceiling" 'BEGIN { printf "%d", f * c }')"
  log "sustained: both service runs paced at $SUSTAINED of the ceiling, $rate msg/s"
  set -- "$@" --rate="$rate"
fi
log "2/3 previous version"
SERVICE_JAR="$TMP/previous/target/quarkus-app/quarkus-run.jar" "$ROOT/bench/ingest.sh" --service-only "$@" \
  | tee "$TMP/previous.md" >&2
log "3/3 this version"
"$ROOT/bench/ingest.sh" --service-only "$@" | tee "$TMP/current.md" >&2

broker="$(col "$(row "$TMP/broker.md")" 6)"
prev_row="$(row "$TMP/previous.md")"; cur_row="$(row "$TMP/current.md")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a ~ /^[0-9.]+$/) printf "%.2f", a / b; else print "n/a" }'; }
prev_rate="$(col "$prev_row" 7)"; cur_rate="$(col "$cur_row" 7)"
cat <<TABLE

| machine | date | N | broker-only msg/s | previous ($(git -C "$ROOT" rev-parse --short "$PREVIOUS")) msg/s | this ($(git -C "$ROOT" rev-parse --short HEAD)) msg/s | previous / broker | this / broker | this / previous | previous CPU µs/msg | this CPU µs/msg | this CPU % | this peak RSS MB | all stored |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| $(col "$cur_row" 1) | $(col "$cur_row" 2) | $(col "$cur_row" 4) | $broker | $prev_rate | $cur_rate | $(ratio "$prev_rate" "$broker") | $(ratio "$cur_rate" "$broker") | $(ratio "$cur_rate" "$prev_rate") | $(col "$prev_row" 13) | $(col "$cur_row" 13) | $(col "$cur_row" 9) | $(col "$cur_row" 10) | $(col "$cur_row" 11) |
TABLE
