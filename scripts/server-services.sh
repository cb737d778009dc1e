#!/usr/bin/env bash
# The sync server's tests need Debian's PostgreSQL and redis-server. Source this file (CI does, from .ci/run):
# it installs both when missing, starts the installed PostgreSQL cluster, creates the test role, and exports
# SAMTALERUM_TEST_PG, the URL the server tests create their own databases through. Safe to run again.
_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v pg_ctlcluster >/dev/null || ! command -v redis-server >/dev/null; then
  echo "== Installerer Debians postgresql og redis-server"
  _as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive _as_root apt-get install -y -qq --no-install-recommends postgresql redis-server >/dev/null
fi
# The newest installed cluster; Debian names it <version> main.
_pg_version=$(pg_lsclusters --no-header | awk '{print $1}' | sort -V | tail -1)
if [ -z "$_pg_version" ]; then
  echo "Ingen PostgreSQL-klynge fundet (pg_lsclusters er tom)" >&2
  return 1 2>/dev/null || exit 1
fi
_pg_port=$(pg_lsclusters --no-header | awk -v v="$_pg_version" '$1 == v && $2 == "main" {print $3}')
_pg_status=$(pg_lsclusters --no-header | awk -v v="$_pg_version" '$1 == v && $2 == "main" {print $4}')
if [ "$_pg_status" != "online" ]; then
  _as_root pg_ctlcluster "$_pg_version" main start
fi
# A role that may create the throwaway databases the tests use; its password is only for loopback tests.
_as_root runuser -u postgres -- psql -q -p "$_pg_port" -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
SET client_min_messages = warning;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'samtalerum_test') THEN
    CREATE ROLE samtalerum_test LOGIN CREATEDB PASSWORD 'samtalerum_test';
  END IF;
END $$;
-- DROP DATABASE ... WITH (FORCE) ends every connection to the throwaway database; an autovacuum worker has no
-- role, so without this the drop is refused whenever autovacuum happens to be working on it.
GRANT pg_signal_backend TO samtalerum_test;
SQL
export SAMTALERUM_TEST_PG="postgres://samtalerum_test:samtalerum_test@127.0.0.1:${_pg_port}/postgres"
command -v redis-server >/dev/null || { echo "redis-server mangler på PATH" >&2; return 1 2>/dev/null || exit 1; }
echo "PostgreSQL $_pg_version kører på port $_pg_port; redis-server: $(command -v redis-server)"
