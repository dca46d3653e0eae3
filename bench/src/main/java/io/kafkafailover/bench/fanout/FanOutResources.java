package io.kafkafailover.bench.fanout;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.ClusterSpec;
import io.kafkafailover.operator.model.GatewaySpec;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverSpec;
import io.kafkafailover.operator.model.SecretRef;
import io.kafkafailover.operator.render.GatewayNames;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What the fan-out puts into the mock API server: the KafkaFailover, its admin Secret and its Pods. */
final class FanOutResources {
    static final String NAMESPACE = "bench";
    static final String NAME = "fanout";
    private static final String ADMIN_SECRET = "fanout-admin";
    /** Any value will do: pods carry it, nothing reads it. */
    private static final String TEMPLATE_HASH = "6b9f8d7c5";

    private FanOutResources() {
    }

    /** The gateways' real clusters and ports, so that what the operator renders matches what runs. */
    static KafkaFailover kafkaFailover(BrokerClusters clusters, GatewayFleet fleet) {
        KafkaFailoverSpec spec = new KafkaFailoverSpec();
        spec.active = ClusterName.MAIN;
        spec.main = new ClusterSpec();
        spec.main.bootstrapServers = clusters.bootstrapServers(BrokerClusters.MAIN);
        spec.failover = new ClusterSpec();
        spec.failover.bootstrapServers = clusters.bootstrapServers(BrokerClusters.FAILOVER);
        spec.gateway = new GatewaySpec();
        spec.gateway.replicas = fleet.ips().size();
        spec.gateway.portStart = fleet.portStart();
        spec.gateway.portCount = GatewayFleet.PORT_COUNT;
        spec.gateway.adminPort = fleet.adminPort();
        spec.gateway.adminCredentialsSecret = new SecretRef(ADMIN_SECRET);
        KafkaFailover resource = new KafkaFailover();
        resource.setMetadata(new ObjectMetaBuilder().withName(NAME).withNamespace(NAMESPACE).build());
        resource.setSpec(spec);
        return resource;
    }

    static Secret adminSecret(String username, String password) {
        return new SecretBuilder()
                .withNewMetadata().withName(ADMIN_SECRET).withNamespace(NAMESPACE).endMetadata()
                .withData(Map.of("username", base64(username), "password", base64(password)))
                .build();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A gateway pod as the Deployment's ReplicaSet would create it and the kubelet report it, Ready
     * on its pod IP: the mock server has neither, so the harness writes what they would.
     */
    static Pod readyPod(KafkaFailover owner, int index, String ip) {
        Map<String, String> labels = new LinkedHashMap<>(GatewayNames.labels(owner));
        labels.put("pod-template-hash", TEMPLATE_HASH);
        return new PodBuilder()
                .withNewMetadata()
                .withName(GatewayNames.deployment(owner) + "-" + TEMPLATE_HASH + "-" + index)
                .withNamespace(NAMESPACE)
                .withUid(UUID.randomUUID().toString())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer().withName("gateway").withImage("kafka-failover/gateway").endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withPodIP(ip)
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus()
                .build();
    }
}
