#!/usr/bin/env bash
# Runs one of Kafka's command-line tools on the image's classpath, quietly (WARN), e.g.
#   docker exec KAFKA kafka-tool org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --list
set -euo pipefail
KAFKA_LOG_LEVEL=WARN exec java -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp "/opt/kafka/libs/*" "$@"
