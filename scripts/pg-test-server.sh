#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: scripts/pg-test-server.sh start|stop|url|kill|restart
#   start    initdb (once) and start on $DEVOS_PG_PORT (default 54329), unix socket in the state folder
#   url      print the connection URL the tests read from DEVOS_TEST_PG_URL
#   kill     stop at once (pg_ctl -m immediate), keeping the data: a crash, for outage tests
#   restart  start again on the kept data
#   stop     stop and delete everything
# initdb refuses to run as root, so as root the server runs as the `postgres` user. fsync is off
# (the data is disposable and the OS never crashes under a test), but synchronous_commit stays on:
# with it off a killed server forgets commits it already acknowledged, which the outage test catches.
set -euo pipefail
port=${DEVOS_PG_PORT:-54329}
state=${DEVOS_PG_STATE:-${TMPDIR:-/tmp}/devos-pg-test-$port}
bin=$(pg_config --bindir 2>/dev/null || true)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[[ -x "$bin/initdb" ]] || { echo "pg-test-server: initdb not found (apt-get install postgresql)" >&2; exit 2; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

server() {
  (
    # The server outlives this script: it must not keep the caller's descriptors open (a `flock`
    # lock would be held until the server stops, a pipe ctest reads would never close).
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    as_owner "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 30 \
      -o "-k $state -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  )
}

running() { as_owner "$bin/pg_ctl" -D "$state/data" status >/dev/null 2>&1; }

case "${1:-}" in
  start)
    if [[ ! -d "$state/data" ]]; then
      mkdir -p "$state"
      [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$state"
      as_owner "$bin/initdb" -D "$state/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    fi
    running || server
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  url) echo "postgresql://postgres@127.0.0.1:$port/postgres" ;;
  kill) running && as_owner "$bin/pg_ctl" -D "$state/data" -m immediate -w stop >/dev/null || true ;;
  restart) running || server ;;
  stop)
    if [[ -d "$state/data" ]]; then
      running && as_owner "$bin/pg_ctl" -D "$state/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$state"
    ;;
  *) echo "usage: $0 start|stop|url|kill|restart" >&2; exit 2 ;;
esac
