package io.kafkafailover.operator.model;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One pair of Kafka clusters (main and failover) and the gateways in front of them. Changing
 * {@code spec.active} moves every gateway pod, and so every client, to the other cluster.
 */
@Group("kafkafailover.io")
@Version("v1alpha1")
@ShortNames("kfo")
@AdditionalPrinterColumn(
    name = "READY",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "AGE",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KafkaFailover extends CustomResource<KafkaFailoverSpec, KafkaFailoverStatus>
    implements Namespaced {}
