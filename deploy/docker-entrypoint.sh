#!/bin/sh
# Runs the app named by APP; APP=migrate brings every service's schema up to date.
# Arguments, if any, are run instead (e.g. `docker compose run --rm gateway node dist/scripts/...`).
set -eu

if [ "$#" -gt 0 ]; then
  exec "$@"
fi

case "${APP:-}" in
  gateway | paywall | subscriptions | advertising | licensing | finance)
    exec node "/app/dist/apps/$APP/src/main.js"
    ;;
  migrate)
    exec node /app/dist/scripts/migrate.js
    ;;
  *)
    echo "APP must be one of gateway, paywall, subscriptions, advertising, licensing, finance, migrate (got '${APP:-}')" >&2
    exit 64
    ;;
esac
