#!/usr/bin/env bash
# Builds the container images: kafka, the four cascade services, ingest-gateway and prometheus.
#
# Usage: scripts/build-images.sh [--base IMAGE|local] [--tag TAG] [--no-maven]
#   --base IMAGE   the Java base image of the Kafka and service images (default eclipse-temurin:25-jre);
#                  Prometheus is built on debian:bookworm-slim
#   --base local   no registry needed: a Debian bookworm root filesystem made with debootstrap (needs root and a
#                  Debian mirror; cached as $WAKESTREAM_CACHE/debian-bookworm-minbase.tar) imported as
#                  wakestream/debian:bookworm, plus a Java runtime jlinked from $JDK_HOME (Temurin 25), as
#                  wakestream/jre:25; Prometheus is built on wakestream/debian:bookworm
#   --tag TAG      the images' tag (default latest)
#   --no-maven     use the jars already built (the services' target/*-exec.jar); the Kafka jars are collected
#                  with Maven either way (deploy/kafka/pom.xml)
#   --if-docker    where no Docker engine answers, say so and exit 0 (the system tests' build then skips them)
# Prints each image's size at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

base=eclipse-temurin:25-jre
tag=latest
run_maven=true
if_docker=false
while (($#)); do
    case $1 in
        --base) base=$2; shift 2 ;;
        --tag) tag=$2; shift 2 ;;
        --no-maven) run_maven=false; shift ;;
        --if-docker) if_docker=true; shift ;;
        *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jdk_home=${JDK_HOME:-$JAVA_HOME}
cache=${WAKESTREAM_CACHE:-$HOME/.cache/wakestream}
staging=target/images
# name:public HTTP port (empty without an API):management port (Actuator), as in each service's configuration file
services=(wakeword-service::9081 kws-service:8082:9082 asr-lattice-service::9083 ftm-service::9084 ingest-gateway:8085:9085)
mvn=(./mvnw -B -ntp -q)

log() { echo "build-images: $*" >&2; }

if ! docker info >/dev/null 2>&1; then
    if $if_docker; then
        log "no Docker engine reachable (docker info failed): no images built, the system tests will be skipped"
        exit 0
    fi
    log "no Docker engine reachable (docker info failed)"
    exit 1
fi

if $run_maven; then
    log "building the services' executable jars"
    modules=$(IFS=,; echo "${services[*]%%:*}")
    "${mvn[@]}" package -DskipTests -pl "$modules" -am
fi
log "collecting the Kafka jars (deploy/kafka/pom.xml)"
rm -rf deploy/kafka/target/libs
"${mvn[@]}" -f deploy/kafka/pom.xml dependency:copy-dependencies

build() { # build IMAGE CONTEXT [docker build options...]
    local image=$1 context=$2
    shift 2
    log "building $image"
    # quiet unless it fails: the legacy builder (no buildx here) warns about itself on every build
    local output
    output=$(docker build -q -t "$image" "$@" "$context" 2>&1) || { echo "$output" >&2; return 1; }
}

if [[ $base == local ]]; then
    if ! docker image inspect wakestream/debian:bookworm >/dev/null 2>&1; then
        rootfs=$cache/debian-bookworm-minbase.tar
        if [[ ! -f $rootfs ]]; then
            log "making the Debian root filesystem with debootstrap (cached as $rootfs)"
            mkdir -p "$cache"
            deploy/base/make-rootfs.sh "$rootfs"
        fi
        log "importing $rootfs as wakestream/debian:bookworm"
        docker import "$rootfs" wakestream/debian:bookworm >/dev/null
    fi
    rm -rf "$staging/jre-base"
    mkdir -p "$staging/jre-base"
    # java.se and the jdk modules Spring Boot, Kafka and the JMX/JFR tooling use: a runtime, not a JDK
    "$jdk_home/bin/jlink" --output "$staging/jre-base/jre" --strip-debug --no-man-pages --no-header-files \
        --compress=zip-6 --add-modules java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.jfr,jdk.zipfs,jdk.naming.dns,jdk.crypto.cryptoki,jdk.security.auth,jdk.security.jgss,jdk.net,jdk.httpserver
    cp deploy/base/Dockerfile "$staging/jre-base/"
    build wakestream/jre:25 "$staging/jre-base"
    java_base=wakestream/jre:25
    debian_base=wakestream/debian:bookworm
else
    java_base=$base
    debian_base=debian:bookworm-slim
fi

images=()
rm -rf "$staging/kafka"
mkdir -p "$staging/kafka"
cp -r deploy/kafka/target/libs deploy/kafka/Dockerfile deploy/kafka/*.sh deploy/kafka/log4j2.properties "$staging/kafka/"
build "wakestream/kafka:$tag" "$staging/kafka" --build-arg "BASE_IMAGE=$java_base"
images+=("wakestream/kafka:$tag")

for entry in "${services[@]}"; do
    IFS=: read -r service http_port management_port <<< "$entry"
    context=$staging/$service
    rm -rf "$context"
    mkdir -p "$context/models"
    jars=("$service"/target/*-exec.jar)
    [[ -f ${jars[0]} ]] || { echo "build-images: no executable jar in $service/target (run without --no-maven)" >&2; exit 1; }
    cp "${jars[0]}" "$context/app.jar"
    cp deploy/service/Dockerfile deploy/service/healthcheck.sh "$context/"
    # the gateway runs no model; the services get every bundled model but openwakeword, a non-commercial
    # baseline that must not travel in an image (scripts/fetch-openwakeword.sh fetches it for the benchmarks)
    if [[ $service != ingest-gateway ]]; then
        for model in models/*/; do
            [[ $(basename "$model") == openwakeword ]] || cp -r "$model" "$context/models/"
        done
    fi
    build "wakestream/$service:$tag" "$context" --build-arg "BASE_IMAGE=$java_base" \
        --build-arg "SERVICE=$service" --build-arg "HTTP_PORT=$http_port" \
        --build-arg "MANAGEMENT_PORT=$management_port"
    images+=("wakestream/$service:$tag")
done

rm -rf "$staging/prometheus"
mkdir -p "$staging/prometheus"
cp deploy/prometheus/Dockerfile "$staging/prometheus/"
build "wakestream/prometheus:$tag" "$staging/prometheus" --build-arg "DEBIAN_IMAGE=$debian_base"
images+=("wakestream/prometheus:$tag")

printf '%-40s %10s\n' image "size (MB)"
for image in "${images[@]}"; do
    printf '%-40s %10d\n' "$image" $(( $(docker image inspect -f '{{.Size}}' "$image") / 1000000 ))
done
