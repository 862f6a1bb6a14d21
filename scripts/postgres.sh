#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for tests and benchmarks (never the system's cluster).
#
#   scripts/postgres.sh start DIR PORT   # initdb if DIR holds no cluster, start, wait until ready,
#                                        # print a libpq connection string on stdout
#   scripts/postgres.sh stop DIR         # fast shutdown; nothing to do when not running
#   scripts/postgres.sh status DIR       # exit 0 and print the connection string when running
#
# DIR must be under /tmp or /var/tmp (the postgres user has to reach it). The server listens on
# 127.0.0.1:PORT only, with its unix socket in DIR, and trusts local and loopback connections
# (user postgres, no password): for tests on this machine only. Settings are sized for a bench
# on a 2-core machine (shared_buffers 2GB, work_mem 256MB, 2 parallel workers per gather); fsync
# stays on. Idempotent: starting a running cluster prints its connection string again. Run as
# root (commands run as the postgres user through runuser) or as postgres. Server log:
# DIR/server.log.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

die() {
  echo "postgres.sh: error: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start DIR PORT | stop DIR | status DIR" >&2
  exit 2
}

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  elif [[ $(id -un) == postgres ]]; then
    "$@"
  else
    die "run as root or as the postgres user (now $(id -un))"
  fi
}

check_dir() {
  local dir=$1
  [[ $dir == /* ]] || die "DIR must be an absolute path, got '$dir'"
  case "$dir" in
    /tmp/?* | /var/tmp/?*) ;;
    *) die "DIR must be under /tmp or /var/tmp (the postgres user must reach it), got '$dir'" ;;
  esac
  [[ -x $PGBIN/pg_ctl ]] || die "$PGBIN/pg_ctl not found: install postgresql-15 (scripts/install-deps.sh)"
}

conninfo() { echo "host=127.0.0.1 port=$1 user=postgres dbname=postgres"; }

# The port of the running server in DIR (from postmaster.pid), empty when not running.
running_port() {
  local dir=$1
  [[ -f $dir/postmaster.pid ]] || return 0
  if as_postgres "$PGBIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    sed -n 4p "$dir/postmaster.pid"
  fi
}

init_cluster() {
  local dir=$1
  if [[ -e $dir && -n $(ls -A "$dir" 2>/dev/null) ]]; then
    die "$dir exists, is not empty and holds no PostgreSQL cluster (no PG_VERSION)"
  fi
  mkdir -p "$dir"
  chmod 700 "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
  local log
  log=$(mktemp)
  as_postgres "$PGBIN/initdb" -D "$dir" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    --username=postgres >"$log" 2>&1 || {
    cat "$log" >&2
    rm -f "$log"
    die "initdb failed for $dir"
  }
  rm -f "$log"
  as_postgres tee -a "$dir/postgresql.conf" >/dev/null <<EOF

# --- scripts/postgres.sh: private cluster for tests and benches ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_buffers = 2GB
effective_cache_size = 8GB
work_mem = 256MB
maintenance_work_mem = 1GB
max_worker_processes = 8
max_parallel_workers = 2
max_parallel_workers_per_gather = 2
max_parallel_maintenance_workers = 2
random_page_cost = 1.1
max_wal_size = 8GB
checkpoint_timeout = 30min
wal_level = minimal
max_wal_senders = 0
logging_collector = off
EOF
}

start() {
  local dir=$1 port=$2
  if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
    die "PORT must be 1..65535, got '$port'"
  fi
  check_dir "$dir"
  [[ -f $dir/PG_VERSION ]] || init_cluster "$dir"
  local version
  version=$(cat "$dir/PG_VERSION")
  [[ $version == 15 ]] || die "$dir holds a PostgreSQL $version cluster, expected 15"
  local now
  now=$(running_port "$dir")
  if [[ -n $now ]]; then
    [[ $now == "$port" ]] || die "the cluster in $dir is already running on port $now, not $port"
    conninfo "$port"
    return 0
  fi
  if as_postgres "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    die "port $port is already taken by another server"
  fi
  as_postgres "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 120 \
    -o "-p $port -c unix_socket_directories=$dir" start >/dev/null || {
    tail -20 "$dir/server.log" >&2 || true
    die "the server in $dir did not start (log: $dir/server.log)"
  }
  for _ in $(seq 1 60); do
    if as_postgres "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      conninfo "$port"
      return 0
    fi
    sleep 0.5
  done
  die "the server in $dir started but does not accept connections on port $port"
}

stop() {
  local dir=$1
  check_dir "$dir"
  [[ -f $dir/PG_VERSION ]] || die "$dir holds no PostgreSQL cluster"
  if [[ -z $(running_port "$dir") ]]; then
    echo "postgres.sh: the cluster in $dir is not running" >&2
    return 0
  fi
  as_postgres "$PGBIN/pg_ctl" -D "$dir" -m fast -w -t 120 stop >/dev/null ||
    die "could not stop the server in $dir (log: $dir/server.log)"
}

status() {
  local dir=$1 port
  check_dir "$dir"
  port=$(running_port "$dir")
  [[ -n $port ]] || {
    echo "postgres.sh: the cluster in $dir is not running" >&2
    return 3
  }
  conninfo "$port"
}

case "${1:-}" in
  start) [[ $# -eq 3 ]] || usage; start "${2%/}" "$3" ;;
  stop) [[ $# -eq 2 ]] || usage; stop "${2%/}" ;;
  status) [[ $# -eq 2 ]] || usage; status "${2%/}" ;;
  *) usage ;;
esac
