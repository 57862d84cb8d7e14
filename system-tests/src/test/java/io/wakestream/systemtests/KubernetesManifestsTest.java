package io.wakestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.wakestream.common.kafka.TopicsProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The manifests of {@code deploy/kubernetes}, parsed into fabric8's Kubernetes model, against the services' own
 * configuration: ports, Actuator probes, consumer groups and topics; and the overlays as kustomize renders them.
 * No cluster is needed. The overlay tests need {@code kubectl} (its built-in kustomize) and are skipped without it.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final List<String> SERVICES = List.of("wakeword-service", "kws-service", "asr-lattice-service",
            "ftm-service", "ingest-gateway");
    private static final String CONSUMER_LAG_SCALED = "ingest-gateway";
    private static final String IMAGE_TAG = "0.1.0";

    private static Manifests files;
    private static Map<String, ServiceConfiguration> configurations;
    private static TopicsProperties topics;

    @BeforeAll
    static void read() throws Exception {
        files = Manifests.ofFiles(KUBERNETES);
        configurations = new HashMap<>();
        for (String service : SERVICES) {
            configurations.put(service, ServiceConfiguration.read(ROOT, service));
        }
        // the topic names as the services bind them, with no overrides: TopicsProperties' defaults
        topics = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("wakestream.topics", TopicsProperties.class);
    }

    @Test
    void everyManifestParsesIntoTheKubernetesModelAndCustomResourcesStayGeneric() {
        assertThat(files.resources()).allSatisfy(resource -> {
            assertThat(resource.getMetadata().getName()).as("%s without a name", resource.getKind()).isNotBlank();
            assertThat(resource.getApiVersion()).isNotBlank();
        });
        assertThat(files.all(Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(files.kind("ScaledObject")).isNotEmpty()
                .allSatisfy(scaled -> assertThat(scaled).isInstanceOf(GenericKubernetesResource.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wakeword-service", "kws-service", "asr-lattice-service", "ftm-service", "ingest-gateway"})
    void deploymentServesItsConfiguredPortWithActuatorProbes(String name) {
        ServiceConfiguration configuration = configurations.get(name);
        assertThat(configuration.property("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(configuration.exposedEndpoints()).contains("health", "prometheus");

        Deployment deployment = files.named(Deployment.class, name);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("wakestream/" + name);
        // the public port where the service has an API; Actuator on the management port only
        if (configuration.httpPort().isPresent()) {
            assertThat(port(container, "http")).isEqualTo(configuration.httpPort().getAsInt());
        } else {
            assertThat(container.getPorts()).extracting(ContainerPort::getName).doesNotContain("http");
        }
        assertThat(port(container, "management")).isEqualTo(configuration.managementPort());
        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .doesNotContain("PORT", "SERVER_PORT", "MANAGEMENT_PORT", "MANAGEMENT_SERVER_PORT");

        assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
        assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", Integer.toString(configuration.managementPort()))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");

        Map<String, Quantity> requests = container.getResources().getRequests();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));

        Service service = files.named(Service.class, name);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        // the Service keeps the port numbers, so that http://<name>:<port> works as in docker-compose
        configuration.httpPort().ifPresentOrElse(port -> assertServicePort(service, "http", port),
                () -> assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).doesNotContain("http"));
        assertServicePort(service, "management", configuration.managementPort());

        PodDisruptionBudget budget = files.named(PodDisruptionBudget.class, name);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void gatewayExposesTheWyomingPortItListensOn() {
        int wyoming = Integer.parseInt(configurations.get("ingest-gateway").property("wakestream.gateway.wyoming.port"));
        Container gateway = files.named(Deployment.class, "ingest-gateway").getSpec().getTemplate().getSpec()
                .getContainers().getFirst();
        assertThat(port(gateway, "wyoming")).isEqualTo(wyoming);
        assertThat(files.named(Service.class, "ingest-gateway").getSpec().getPorts())
                .anySatisfy(port -> assertThat(port.getPort()).isEqualTo(wyoming));
    }

    @Test
    void everyConfigMapADeploymentReadsExists() {
        Set<String> configMaps = files.all(ConfigMap.class).stream().map(map -> map.getMetadata().getName())
                .collect(Collectors.toSet());
        for (Deployment deployment : files.all(Deployment.class)) {
            for (EnvFromSource source : deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    assertThat(configMaps).as(deployment.getMetadata().getName()).contains(source.getConfigMapRef().getName());
                }
            }
        }
        // the cascade threshold the lattice GNN was trained behind (models/ftm-lattice-gnn manifest)
        assertThat(files.named(ConfigMap.class, "wakeword-service-config").getData())
                .containsEntry("WAKESTREAM_WAKEWORD_THRESHOLD", "0.3");
    }

    @Test
    void kedaScalesEachStageOnItsConsumerGroupAndInputTopics() {
        Map<String, Set<String>> inputs = Map.of(
                "wakeword-service", Set.of(topics.audio()),
                "kws-service", Set.of(topics.detections()),
                "asr-lattice-service", Set.of(topics.segments()),
                "ftm-service", Set.of(topics.detections(), topics.verifications(), topics.lattices()));
        int partitions = Integer.parseInt(files.named(ConfigMap.class, "wakestream-config").getData()
                .get("WAKESTREAM_TOPICS_PARTITIONS"));
        List<HasMetadata> scaledObjects = files.kind("ScaledObject");
        assertThat(scaledObjects).extracting(scaled -> scaled.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (HasMetadata resource : scaledObjects) {
            GenericKubernetesResource scaled = (GenericKubernetesResource) resource;
            String target = scaled.get("spec", "scaleTargetRef", "name");
            assertThat(files.named(Deployment.class, target)).isNotNull();
            assertThat(((Number) scaled.get("spec", "maxReplicaCount")).intValue()).isLessThanOrEqualTo(partitions);
            List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
            if (target.equals(CONSUMER_LAG_SCALED)) {
                // a group per gateway instance: its lag says nothing about load
                assertThat(triggers).extracting(trigger -> trigger.get("type")).containsOnly("cpu");
                continue;
            }
            assertThat(triggers).allSatisfy(trigger -> {
                assertThat(trigger.get("type")).isEqualTo("kafka");
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
                assertThat(metadata).containsEntry("consumerGroup", configurations.get(target).consumerGroup())
                        .containsEntry("bootstrapServersFromEnv", "KAFKA_BOOTSTRAP_SERVERS");
            });
            assertThat(triggers).extracting(trigger -> (Object) ((Map<?, ?>) trigger.get("metadata")).get("topic"))
                    .as(target).containsExactlyInAnyOrderElementsOf(List.copyOf(inputs.get(target)));
        }
    }

    @Test
    void trialKafkaDerivesItsNodeIdFromThePodOrdinal() {
        StatefulSet kafka = files.named(StatefulSet.class, "kafka");
        Container broker = kafka.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, EnvVar> env = broker.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, var -> var));
        assertThat(env).containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_LISTENERS",
                "KAFKA_ADVERTISED_LISTENERS");
        assertThat(env.get("KAFKA_NODE_ID").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
        Service headless = files.named(Service.class, kafka.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        // every voter is a pod of this StatefulSet behind the headless Service, numbered by ordinal
        String voters = env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").getValue();
        int replicas = kafka.getSpec().getReplicas();
        assertThat(voters.split(",")).hasSize(replicas).allSatisfy(voter -> assertThat(voter)
                .matches("(\\d+)@kafka-\\1\\." + headless.getMetadata().getName() + ":9093"));
        // the services' default bootstrap address is this Kafka's client Service
        Service client = files.named(Service.class, "kafka");
        assertThat(files.named(ConfigMap.class, "wakestream-config").getData().get("KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo("kafka:" + client.getSpec().getPorts().getFirst().getPort());
    }

    @Test
    void hpaComponentScalesEveryDeployment() {
        assertThat(files.all(HorizontalPodAutoscaler.class))
                .extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void trialOverlayRendersTheCascadeWithItsOwnKafkaAndCpuAutoscaling() throws Exception {
        Manifests trial = render("overlays/trial");
        assertRenderedCascade(trial, "wakestream-trial");
        assertThat(trial.named(StatefulSet.class, "kafka").getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getImage()).isEqualTo("wakestream/kafka:" + IMAGE_TAG);
        assertThat(trial.all(HorizontalPodAutoscaler.class)).hasSize(SERVICES.size());
        assertThat(trial.kind("ScaledObject")).isEmpty();
        assertThat(trial.named(ConfigMap.class, "wakestream-config").getData())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        // the gateway's page, port-forwarded to localhost, may call the port-forwarded enrollment API
        String kwsUrl = trial.named(ConfigMap.class, "ingest-gateway-config").getData().get("WAKESTREAM_KWS_URL");
        assertThat(kwsUrl).isEqualTo("http://localhost:" + configurations.get("kws-service").httpPort().orElseThrow());
        assertThat(trial.named(ConfigMap.class, "kws-service-config").getData().get("WAKESTREAM_KWS_CORSORIGINS"))
                .contains("http://localhost:" + configurations.get("ingest-gateway").httpPort().orElseThrow());
    }

    @Test
    void productionOverlayPointsAtAnExistingKafkaAndScalesOnLag() throws Exception {
        Manifests production = render("overlays/production");
        assertRenderedCascade(production, "wakestream");
        assertThat(production.all(StatefulSet.class)).isEmpty();
        assertThat(production.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(production.kind("ScaledObject")).hasSize(SERVICES.size());
        assertThat(production.named(ConfigMap.class, "wakestream-config").getData())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "wakestream-kafka-bootstrap.kafka.svc:9092")
                .containsEntry("WAKESTREAM_TOPICS_REPLICATIONFACTOR", "3");
        assertThat(production.all(Deployment.class)).allSatisfy(deployment ->
                assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2));
    }

    /** What holds in every overlay: one namespace, tagged images, and a PDB over every workload's pods. */
    private static void assertRenderedCascade(Manifests rendered, String namespace) {
        assertThat(rendered.resources()).filteredOn(resource -> !"Namespace".equals(resource.getKind()))
                .allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace()).isEqualTo(namespace));
        assertThat(rendered.all(Deployment.class)).hasSize(SERVICES.size()).allSatisfy(deployment -> {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getImage()).isEqualTo("wakestream/" + deployment.getMetadata().getName() + ":" + IMAGE_TAG);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/part-of", "wakestream");
        });
        List<Map<String, String>> podLabels = Stream.concat(
                rendered.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getMetadata().getLabels()),
                rendered.all(StatefulSet.class).stream().map(s -> s.getSpec().getTemplate().getMetadata().getLabels()))
                .toList();
        assertThat(podLabels).allSatisfy(labels -> assertThat(rendered.all(PodDisruptionBudget.class))
                .anySatisfy(budget -> assertThat(labels)
                        .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels())));
    }

    private static Manifests render(String overlay) throws Exception {
        var rendered = Manifests.rendered(KUBERNETES.resolve(overlay));
        assumeTrue(rendered.isPresent(), "kubectl is not on the PATH: the kustomize overlays are not rendered");
        return rendered.get();
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    private static void assertServicePort(Service service, String name, int port) {
        ServicePort named = service.getSpec().getPorts().stream().filter(candidate -> name.equals(candidate.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(service.getMetadata().getName() + " has no port " + name));
        assertThat(named.getPort()).isEqualTo(port);
        assertThat(named.getTargetPort().getStrVal()).isEqualTo(name);
    }
}
