# Shell helpers shared by the bench scripts (ingest.sh, city.sh); sourced, not run. The caller defines
# log() and die() with its own prefix.

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
