#!/usr/bin/env bash
# Healthy when the broker answers an ApiVersions request (v0) without error on $KAFKA_HEALTHCHECK_PORT (9092).
# Plain bash over /dev/tcp: a JVM-based check (kafka-broker-api-versions) took over 10 s on a busy 2-core host.
# A controller-only node has no client listener: there the check is that the controller port accepts connections.
set -euo pipefail
if [[ ${KAFKA_PROCESS_ROLES:-broker,controller} == controller ]]; then
    exec 3<>/dev/tcp/127.0.0.1/9093
    exit 0
fi
exec 3<>"/dev/tcp/127.0.0.1/${KAFKA_HEALTHCHECK_PORT:-9092}"
# size 16, api key 18 (ApiVersions), version 0, correlation id 42, client id "health"
printf '\x00\x00\x00\x10\x00\x12\x00\x00\x00\x00\x00\x2a\x00\x06health' >&3
# the reply starts with its size, the correlation id and the error code
reply=$(head -c 10 <&3 | od -An -tx1 | tr -d ' \n')
[[ ${reply:8:12} == 0000002a0000 ]]
