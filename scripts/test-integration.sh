#!/usr/bin/env bash
# Integration tests run on the embedded PGlite always, and again on a
# PostgreSQL server when TEST_DATABASE_URL names one (CI sets it), so every
# run exercises both databases.
set -euo pipefail
echo "== integration tests on the embedded PGlite"
env -u TEST_DATABASE_URL npx vitest run --project integration
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== integration tests on PostgreSQL ($(echo "$TEST_DATABASE_URL" | sed -E 's#//[^@]*@#//#'))"
  npx vitest run --project integration
fi
