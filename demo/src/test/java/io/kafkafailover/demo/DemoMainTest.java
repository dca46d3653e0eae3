package io.kafkafailover.demo;

import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.testkit.FreePortRange;
import io.kafkafailover.testkit.KafkaCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's set-up, run in-process on free ports: a record produced through its gateway lands on
 * main, the seed's switch call moves the next one to failover, and the instructions it prints
 * name the ports it really uses.
 */
class DemoMainTest {

    @Test
    @Timeout(180)
    void recordsMoveFromMainToFailoverWhenTheSeedsSwitchCallIsMade() throws Exception {
        int portStart = FreePortRange.start(List.of("127.0.0.1"), GatewayConfig.DEFAULT_PORT_COUNT + 1);
        try (Demo demo = Demo.start(new DemoSettings(portStart, 0, DemoSettings.DEFAULT_ADVERTISED_HOST));
             DemoProducer producer = new DemoProducer(demo)) {
            assertThat(demo.bootstrapServers()).isEqualTo("localhost:" + portStart);

            DemoProducer.Delivery beforeSwitch = producer.send(1);
            assertThat(beforeSwitch.activeCluster()).isEqualTo("main");
            assertThat(beforeSwitch.onMain()).isEqualTo(1);
            assertThat(beforeSwitch.onFailover()).isZero();

            HttpResponse<String> answer = post(demo.adminUrl() + "/admin/pclusters/v1/pcluster/main/switch?to=failover",
                    Demo.ADMIN_USER, Demo.ADMIN_PASSWORD);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"message\":\"Cluster switched\"", "\"active\":\"failover\"");

            DemoProducer.Delivery afterSwitch = producer.send(2);
            assertThat(afterSwitch.activeCluster()).isEqualTo("failover");
            assertThat(afterSwitch.onMain()).as("records on main").isEqualTo(1);
            assertThat(afterSwitch.onFailover()).as("records on failover").isEqualTo(1);
            assertThat(keysOn(demo.failoverCluster())).containsExactly("order-2");
            assertThat(keysOn(demo.mainCluster())).containsExactly("order-1");

            String instructions = Instructions.render(demo);
            assertThat(instructions)
                    .contains("kcat -b localhost:" + portStart + " -t demo-orders -P")
                    .contains("curl --request POST '" + demo.adminUrl()
                            + "/admin/pclusters/v1/pcluster/main/switch?to=failover' --user 'admin:conduktor'");
        }
    }

    private static HttpResponse<String> post(String url, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Keys of every record of the demo topic, read from the cluster itself rather than through the gateway. */
    private static List<String> keysOn(KafkaCluster cluster) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cluster.adminClientProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Demo.TOPIC).stream()
                    .map(info -> new TopicPartition(Demo.TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
