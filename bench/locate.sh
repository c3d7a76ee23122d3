#!/usr/bin/env bash
# Locate benchmark of Grid Command's spatial index (city.gridcommand.geo.CellIndex), one JVM, one thread
# (so one core): synthetic grids of about 1,000, 10,000 and 100,000 base cells; random points and the
# random walks of moving workers; the naive STRtree + PreparedGeometry locator measured in the same
# process as the baseline; index build time and heap retained. Prints Markdown tables on stdout and
# progress on stderr. Exit status 3 if CellIndex and the naive locator disagree on any checked point.
#
# Run:  bench/locate.sh [--sizes=1000,10000,100000] [--points=N] [--rounds=R] [--workers=W] [--seed=S]
#       (bench/locate.sh --help lists every option; about 2 minutes with the defaults)
# The bench jar is rebuilt first when a geo or bench source is newer than it.
# Environment: LOCATE_JAVA_OPTS (default -Xms2g -Xmx2g), BENCH_JAR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/grid-command-bench.jar}"
LOCATE_JAVA_OPTS="${LOCATE_JAVA_OPTS:--Xms2g -Xmx2g}"

if [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$ROOT/src/main/java/city/gridcommand/geo" "$ROOT/src/test/java/city/gridcommand/geo" \
    "$ROOT/bench/src" "$ROOT/bench/pom.xml" -newer "$BENCH_JAR" -print -quit)" ]; then
  echo "building $BENCH_JAR" >&2
  (cd "$ROOT" && ./mvnw -q -B -ntp -f bench/pom.xml package)
fi

model="$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
java_version="$(java -version 2>&1 | head -1)"
echo "Machine: ${model:-unknown CPU}, $(nproc) cores; ${java_version}; ${LOCATE_JAVA_OPTS}; $(date -u '+%Y-%m-%d %H:%M UTC');" \
  "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# shellcheck disable=SC2086 # LOCATE_JAVA_OPTS holds several options
exec java $LOCATE_JAVA_OPTS -cp "$BENCH_JAR" city.gridcommand.bench.LocateBenchmark "$@"
