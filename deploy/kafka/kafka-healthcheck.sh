#!/usr/bin/env bash
# Healthy when the broker on this node answers an ApiVersions request (what kafka-broker-api-versions.sh does).
# A controller-only node has no client listener: there the check is that the controller port accepts connections.
set -euo pipefail
if [[ ${KAFKA_PROCESS_ROLES:-broker,controller} == controller ]]; then
    exec 3<>/dev/tcp/127.0.0.1/9093
    exit 0
fi
# a short-lived JVM: no JIT beyond C1 and a small heap keep the check cheap
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
    -cp "/opt/kafka/libs/*" org.apache.kafka.tools.BrokerApiVersionsCommand \
    --bootstrap-server "${KAFKA_HEALTHCHECK_BOOTSTRAP:-localhost:9092}" >/dev/null
