# Shell helpers shared by the bench scripts (ingest.sh, gateway.sh, city.sh, rest-latency.sh, ...); sourced,
# not run. The caller defines log() and die() with its own prefix.

now_ms() { date +%s%3N; }

stop_pid() { # pid [name]: TERM, up to 15 s, then KILL; only a pid the calling script started
  local pid="$1" name="${2:-process}" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "$name ($pid) ignored TERM; killing"; kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # first port from $1 on that nothing listens on
  local p="$1"
  while port_busy "$p"; do p=$((p + 1)); (( p < $1 + 50 )) || die "no free port in $1..$((p - 1))"; done
  echo "$p"
}

ticks() { # utime+stime of a pid, in clock ticks (0 when gone)
  local s
  s="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  s="${s##*) }"
  local -a f
  read -r -a f <<<"$s"
  echo $((f[11] + f[12]))
}
CLK_TCK="$(getconf CLK_TCK)"
thread_ticks() { # pid [name-prefix]: "<thread name, digits as N>\t<utime+stime ticks>" for each group of the
  # pid's threads of the same name, or the sum over those whose name starts with the prefix (one awk: cheap)
  awk -v want="${2-}" '{ i = 0; for (p = 1; (q = index(substr($0, p), ")")) > 0; p += q) i = p + q - 1
      name = substr($0, index($0, "(") + 1, i - index($0, "(") - 1); split(substr($0, i + 2), f, " ")
      if (want == "") { gsub(/[0-9]/, "N", name); t[name] += f[12] + f[13] } else if (index(name, want) == 1) s += f[12] + f[13] }
    END { if (want != "") print s + 0; else for (n in t) print n "\t" t[n] }' /proc/"$1"/task/*/stat 2>/dev/null || true # a thread may end between the glob and awk
}

wait_port() { # port seconds pid
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    port_busy "$1" && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

pg_ticks() { # PostgreSQL's CPU (its processes are not ours: only read): every live postgres process, plus what
  # the postmaster reaped from backends that already exited (its cutime+cstime)
  local t=0 p s ppid
  local -a f
  for p in $(pgrep -x postgres 2>/dev/null || true); do
    s="$(cat "/proc/$p/stat" 2>/dev/null)" || continue
    read -r -a f <<<"${s##*) }"
    t=$((t + f[11] + f[12]))
    ppid="${f[1]}"
    [[ "$(cat "/proc/$ppid/comm" 2>/dev/null)" == postgres ]] || t=$((t + f[13] + f[14]))
  done
  echo "$t"
}
postmaster_ticks() { # port: CPU of the PostgreSQL server listening on that port (not ours: only read), its
  # postmaster and live backends plus what it reaped from exited ones; not other servers on the machine
  # (pg_ticks counts every process named postgres, an embedded test database's too). 0 when not found.
  local pm t=0 p s
  local -a f
  pm="$(ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*"postgres",pid=\([0-9]*\).*/\1/p' | head -1)"
  [[ -n "$pm" ]] || { echo 0; return; }
  for p in "$pm" $(pgrep -P "$pm" 2>/dev/null || true); do
    s="$(cat "/proc/$p/stat" 2>/dev/null)" || continue
    read -r -a f <<<"${s##*) }"
    t=$((t + f[11] + f[12]))
    [[ "$p" == "$pm" ]] && t=$((t + f[13] + f[14]))
  done
  echo "$t"
}
hwm_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || true; }
cpu_pct() { # ticks-delta ms-delta
  awk -v t="$1" -v ms="$2" -v hz="$CLK_TCK" 'BEGIN { if (ms > 0) printf "%.0f", t / hz / (ms / 1000) * 100; else print "n/a" }'
}

# Sign-in (since issue 11): the service's API wants a bearer token, and its health, metrics and OpenAPI are
# on the management port. A service jar from before that has neither: it answers health on its HTTP port
# and ignores the token. These helpers work with both, so compare.sh can run an older version.

has_token_command() { # service-jar: whether this build has the `token` command (a Quarkus fast-jar: app/*.jar)
  local app
  for app in "$(dirname "$1")"/app/*.jar; do
    [[ -f "$app" ]] || continue
    # grep reads the whole listing (no -q): with pipefail, an early exit would fail the lister with SIGPIPE
    if command -v unzip >/dev/null 2>&1; then
      unzip -l "$app" 2>/dev/null | grep 'city/gridcommand/signin/TokenCommand.class' >/dev/null && return 0
    else
      jar tf "$app" 2>/dev/null | grep 'city/gridcommand/signin/TokenCommand.class' >/dev/null && return 0
    fi
  done
  return 1
}

mint_token() { # service-jar key-file token-args...: prints a token of the built-in issuer signed with key-file
  local jar="$1" key="$2"
  shift 2
  GRID_AUTH_SIGNING_KEY="$key" java -jar "$jar" token "$@"
}

health_code() { # management-port http-port path: the HTTP status of a health path, from the management port,
  # or from the HTTP port when nothing listens on the management port (a version before it existed)
  local code
  code="$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$1$3" || true)"
  if [[ "$code" == 000 || -z "$code" ]]; then
    code="$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$2$3" || true)"
  fi
  echo "${code:-000}"
}

admin_auth() { # service-jar key-file: sets AUTH to curl's Authorization header with an admin token of the
  # jar's token command, signed with key-file; empty for a build from before sign-in (it takes no token)
  AUTH=()
  if has_token_command "$1"; then
    local token
    token="$(mint_token "$1" "$2" --user bench --role admin --cells '*' --ttl 12h)" || { echo "the token command failed" >&2; return 1; }
    AUTH=(-H "Authorization: Bearer $token")
  else
    echo "$1 has no token command: a version from before sign-in, called without a token" >&2
  fi
}
