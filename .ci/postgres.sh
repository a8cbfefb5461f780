#!/usr/bin/env bash
# PostgreSQL for test/sql-postgres.test.ts: Debian's server on a local port, with a role and a database
# for the tests. Prints the PG* variables to export, so .ci/run can do:
#   eval "$(.ci/postgres.sh)"
# Without it the PostgreSQL test is skipped (and says so).
set -euo pipefail
port="${PGPORT:-5432}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters --no-header | awk '{print $1, $2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main --port "$port" >&2
fi
# Already running is fine (exit code 2 from pg_ctlcluster means "already running").
pg_ctlcluster "$version" main start >&2 || pg_lsclusters --no-header | grep -q "$version *main .*online"
cluster_port="$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"

psql_admin() { runuser -u postgres -- psql -p "$cluster_port" -v ON_ERROR_STOP=1 -qAt "$@"; }
for _ in $(seq 1 30); do psql_admin -c "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'tier'")" != "1" ]; then
  psql_admin -c "CREATE ROLE tier LOGIN PASSWORD 'tier'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'tier'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE tier OWNER tier"
fi

echo "export PGHOST=127.0.0.1 PGPORT=$cluster_port PGUSER=tier PGPASSWORD=tier PGDATABASE=tier"
