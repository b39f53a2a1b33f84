# shellcheck shell=bash disable=SC2034  # PSQL, PGBENCH, PG_OS_CACHE are for the caller
# Sourced by pg_trade.sh and pg_point.sh: a private, throwaway PostgreSQL 15 cluster for
# the peer benchmarks. It lives in a temp dir, listens only on a unix socket in that dir
# (no TCP port), and is stopped (immediate: its data is thrown away) and deleted on exit,
# on failure and on INT/TERM/HUP.
# As root (CI) the server runs as the Debian package's postgres user via runuser; otherwise
# as the current user. Settings are PostgreSQL's defaults except shared_buffers = 256MB.
#
#   pg_cluster_start      initdb + start; sets PG_TMP and the PSQL / PGBENCH command arrays
#   pg_restart_cold       stop, drop the OS page cache if allowed (sets PG_OS_CACHE), start
#   pg_run CMD...         runs CMD in the background and waits, so that a signal stops the
#                         script at once (cleanup then kills CMD)
# Needs: postgresql-15 (server, pgbench), postgresql-client-15 (psql), util-linux (runuser).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=5432 # only names the socket file; the socket dir is private
PG_TMP=
PG_CHILD=
PG_OS_CACHE=warm
if [ "$(id -u)" = 0 ]; then PG_USER=postgres; else PG_USER=$(id -un); fi

# Runs a server-side command as the cluster's owner, from inside the temp dir.
pg_as() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$PG_TMP" && runuser -u postgres -- "$@")
  else
    (cd "$PG_TMP" && "$@")
  fi
}

pg_run() {
  "$@" <&0 & # keep the caller's stdin (async commands get /dev/null otherwise)
  PG_CHILD=$!
  local rc=0
  wait "$PG_CHILD" || rc=$?
  PG_CHILD=
  return "$rc"
}

pg_cluster_cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [ -n "$PG_CHILD" ]; then kill "$PG_CHILD" 2>/dev/null || true; fi
  if [ -n "$PG_TMP" ] && [ -d "$PG_TMP" ]; then
    if [ -f "$PG_TMP/data/postmaster.pid" ]; then
      pg_as "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || {
        local pid
        pid=$(head -1 "$PG_TMP/data/postmaster.pid" 2>/dev/null) || true
        if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; sleep 1; fi
      }
    fi
    rm -rf "$PG_TMP"
  fi
  exit "$rc"
}

pg_start() {
  pg_as "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 120 start >/dev/null
}

pg_stop() {
  pg_as "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w -t 120 stop >/dev/null
}

pg_cluster_start() {
  trap pg_cluster_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pg_peer.XXXXXX")
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_TMP"; fi
  pg_as "$PG_BIN/initdb" -D "$PG_TMP/data" -U "$PG_USER" -A trust -E UTF8 --no-locale \
    >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  cat >>"$PG_TMP/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$PG_TMP'
port = $PG_PORT
shared_buffers = 256MB
EOF
  pg_start || { cat "$PG_TMP/server.log" >&2; return 1; }
  PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_TMP" -p "$PG_PORT" -U "$PG_USER" -d postgres)
  PGBENCH=("$PG_BIN/pgbench" -h "$PG_TMP" -p "$PG_PORT" -U "$PG_USER")
}

# Drops the OS page cache when this process may (root outside a locked-down container).
pg_drop_os_cache() {
  sync
  if (echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then PG_OS_CACHE=dropped; else PG_OS_CACHE=warm; fi
}

pg_restart_cold() {
  pg_stop
  pg_drop_os_cache
  pg_start
}
