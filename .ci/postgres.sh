#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL and cluster tests: a fresh cluster on 127.0.0.1 (a free port from
# 55432 up), data under /var/tmp, run as the `postgres` user when started by root (PostgreSQL refuses to run as root).
#
#   eval "$(bash .ci/postgres.sh start)"   # (re)creates and starts it, prints the variables the tests read
#   bash .ci/postgres.sh env               # prints them again
#   bash .ci/postgres.sh stop              # stops it and deletes its data
#
# Needs Debian's `postgresql` package (apt-get install postgresql) or PG_BINDIR pointing at initdb/pg_ctl.
# One cluster per working copy: a second `start` replaces the first. Only for tests: fsync is off.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# keyed on the working copy, so that several clones or worktrees on one machine do not stop each other's server
base=${COMPLAINTFLOW_PG_DIR:-/var/tmp/complaintflow-pg-$(printf '%s' "$repo" | cksum | cut -d' ' -f1)}
data=$base/data
sock=$base/socket
envfile=$base/env
log=$base/postgres.log

database=complaintflow
role=complaintflow

say() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  owner=$(id -un)
  as_owner() { "$@"; }
fi

bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    echo "$PG_BINDIR"
    return
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    echo "$d"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    say "no PostgreSQL server found: apt-get install postgresql (Debian), or set PG_BINDIR to the directory of initdb"
    exit 1
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_cluster() {
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$(bindir)/pg_ctl" -D "$data" -m fast -w -t 60 stop >&2 || say "could not stop the server in $data"
  fi
  rm -rf "$base"
}

print_env() {
  if [ ! -f "$envfile" ]; then
    say "no server here; start one with: bash .ci/postgres.sh start"
    exit 1
  fi
  cat "$envfile"
}

start_cluster() {
  local bin password port
  bin=$(bindir)
  if ! id "$owner" >/dev/null 2>&1; then
    say "user $owner does not exist (it comes with Debian's postgresql package)"
    exit 1
  fi
  # throwaway: whatever an earlier run left here goes
  stop_cluster
  mkdir -p "$data" "$sock"
  chmod 700 "$base" "$data" "$sock"
  chown -R "$owner" "$base"

  as_owner "$bin/initdb" -D "$data" -U postgres -E UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 \
    >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; exit 1; }

  for port in $(seq 55432 55482); do
    port_in_use "$port" && continue
    # the socket directory is private to $owner, so local trust admits nobody else
    if as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $port -k $sock \
        -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off" start >&2; then
      break
    fi
    if grep -q "could not bind\|Address already in use" "$log" 2>/dev/null; then
      say "port $port was taken meanwhile, trying the next one"
      port=""
      continue
    fi
    cat "$log" >&2
    exit 1
  done
  if [ -z "${port:-}" ] || ! [ -f "$data/postmaster.pid" ]; then
    say "no free port between 55432 and 55482"
    exit 1
  fi

  password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres -d postgres >&2 <<SQL
create role $role login createdb password '$password';
create database $database owner $role;
SQL

  umask 077
  cat >"$envfile" <<ENV
export COMPLAINTFLOW_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$port/$database
export COMPLAINTFLOW_TEST_POSTGRES_USER=$role
export COMPLAINTFLOW_TEST_POSTGRES_PASSWORD=$password
ENV
  say "$("$bin/postgres" --version) on 127.0.0.1:$port, data in $data, log $log"
  cat "$envfile"
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster; say "stopped" ;;
  env) print_env ;;
  *)
    echo "usage: bash .ci/postgres.sh start|env|stop" >&2
    exit 2
    ;;
esac
