#!/usr/bin/env bash
# Starts one KRaft node: writes server.properties from the environment, formats the log directory on the first
# start (kafka-storage format), then runs kafka.Kafka.
#
# Environment (defaults give a single node that is broker and controller):
#   KAFKA_NODE_ID                    node.id (1)
#   KAFKA_PROCESS_ROLES              process.roles (broker,controller)
#   KAFKA_CONTROLLER_QUORUM_VOTERS   controller.quorum.voters (<node id>@localhost:9093); same on every node
#   KAFKA_CLUSTER_ID                 the cluster id the log directory is formatted with; same on every node
#   KAFKA_LISTENERS                  listeners (PLAINTEXT://:9092,CONTROLLER://:9093)
#   KAFKA_ADVERTISED_LISTENERS       advertised.listeners (PLAINTEXT://<hostname>:9092)
#   KAFKA_LISTENER_SECURITY_PROTOCOL_MAP, KAFKA_INTER_BROKER_LISTENER_NAME, KAFKA_CONTROLLER_LISTENER_NAMES
#   KAFKA_REPLICATION_FACTOR         replication of internal topics and the default for new ones
#                                    (the number of voters, at most 3)
#   KAFKA_CFG_<NAME>                 any other broker property, e.g. KAFKA_CFG_NUM_PARTITIONS=6 -> num.partitions=6
#   KAFKA_HEAP_OPTS, KAFKA_OPTS      JVM options
#   KAFKA_LOG_LEVEL                  the root log level (INFO)
set -euo pipefail

node_id=${KAFKA_NODE_ID:-1}
voters=${KAFKA_CONTROLLER_QUORUM_VOTERS:-${node_id}@localhost:9093}
IFS=, read -r -a voter_list <<<"$voters"
replication=${KAFKA_REPLICATION_FACTOR:-$(( ${#voter_list[@]} < 3 ? ${#voter_list[@]} : 3 ))}
min_insync=$(( replication > 1 ? replication - 1 : 1 ))
roles=${KAFKA_PROCESS_ROLES:-broker,controller}
if [[ $roles == controller ]]; then
    default_listeners=CONTROLLER://:9093
    default_advertised=
else
    default_listeners=PLAINTEXT://:9092,CONTROLLER://:9093
    default_advertised=PLAINTEXT://$(hostname):9092
fi

config=/var/lib/kafka/config/server.properties
{
    echo "process.roles=$roles"
    echo "node.id=$node_id"
    echo "controller.quorum.voters=$voters"
    echo "listeners=${KAFKA_LISTENERS:-$default_listeners}"
    advertised=${KAFKA_ADVERTISED_LISTENERS:-$default_advertised}
    [[ -n $advertised ]] && echo "advertised.listeners=$advertised"
    echo "listener.security.protocol.map=${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:-CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT}"
    [[ $roles == controller ]] || echo "inter.broker.listener.name=${KAFKA_INTER_BROKER_LISTENER_NAME:-PLAINTEXT}"
    echo "controller.listener.names=${KAFKA_CONTROLLER_LISTENER_NAMES:-CONTROLLER}"
    echo "log.dirs=/var/lib/kafka/data"
    echo "default.replication.factor=$replication"
    echo "offsets.topic.replication.factor=$replication"
    echo "transaction.state.log.replication.factor=$replication"
    echo "transaction.state.log.min.isr=$min_insync"
    echo "share.coordinator.state.topic.replication.factor=$replication"
    echo "share.coordinator.state.topic.min.isr=$min_insync"
    echo "min.insync.replicas=$min_insync"
    echo "group.initial.rebalance.delay.ms=0"
    # KAFKA_CFG_NUM_PARTITIONS=6 -> num.partitions=6; later lines win, so these override the defaults above
    while IFS='=' read -r name value; do
        property=${name#KAFKA_CFG_}
        property=${property,,}
        echo "${property//_/.}=$value"
    done < <(env | grep '^KAFKA_CFG_' || true)
} >"$config"

classpath="/opt/kafka/libs/*"
java_options=(${KAFKA_HEAP_OPTS:-} ${KAFKA_OPTS:-} -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties)

if [[ ! -f /var/lib/kafka/data/meta.properties ]]; then
    # Any base64 UUID; the default lets nodes started with the same settings form one cluster.
    java "${java_options[@]}" -cp "$classpath" kafka.tools.StorageTool format --ignore-formatted \
        --cluster-id "${KAFKA_CLUSTER_ID:-4L6g3nShT-eMCtK--X86sw}" --config "$config"
fi
exec java "${java_options[@]}" -cp "$classpath" kafka.Kafka "$config"
