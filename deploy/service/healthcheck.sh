#!/usr/bin/env bash
# Docker health check of a Wakestream service: healthy when GET /actuator/health/readiness on its management port
# ($MANAGEMENT_PORT) answers 200
# (models loaded, Kafka reachable). Plain bash (/dev/tcp): neither base image needs curl.
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${MANAGEMENT_PORT:?MANAGEMENT_PORT is not set}"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r _ status _ <&3
[[ $status == 200 ]]
