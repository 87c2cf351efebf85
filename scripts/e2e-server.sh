#!/usr/bin/env bash
# The server the end-to-end tests run against: a fresh embedded database in a
# temporary directory, prepared (migrations + demo program), the production
# build, then `next start` on $PORT.
set -euo pipefail
export DATA_DIR="${E2E_DATA_DIR:-$(mktemp -d /tmp/planner-e2e-XXXXXX)}"
export NODE_ENV=production
unset DATABASE_URL
npx tsx scripts/prepare.ts
npx next build
exec npx next start -H 127.0.0.1 -p "$PORT"
