#!/usr/bin/env bash
# The test command: Java unit and integration tests (embedded KRaft broker), the system tests of the container
# images (Testcontainers; skipped where no Docker engine answers), then the training toolkit's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

scripts/fetch-openwakeword.sh
./mvnw -B -ntp verify
/usr/bin/python3 -m pytest -q training/tests
