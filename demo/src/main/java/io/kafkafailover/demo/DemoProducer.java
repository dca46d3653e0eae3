package io.kafkafailover.demo;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A plain Kafka producer that knows only the gateway's address. After each acknowledged record it
 * asks both clusters directly how many records {@value Demo#TOPIC} holds, so the output shows
 * where records land before and after a switch.
 */
public final class DemoProducer implements AutoCloseable {

    /** One acknowledged record and where the records are right after it. */
    public record Delivery(String key, int partition, long offset, String activeCluster, long onMain, long onFailover) {
        public String describe() {
            return "%-9s acknowledged (partition %d, offset %d) | gateway serves: %-8s | %s records: main %d, failover %d"
                    .formatted(key, partition, offset, activeCluster, Demo.TOPIC, onMain, onFailover);
        }
    }

    private final Demo demo;
    private final KafkaProducer<String, String> producer;

    public DemoProducer(Demo demo) {
        this.demo = demo;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, demo.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "demo-producer",
                // Kafka's defaults, spelt out: the gateway must keep an idempotent producer going across a switch.
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Fail a record within half a minute rather than Kafka's two, so a stuck demo says so.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends order number {@code n}, waits for its acknowledgement, then counts the records on both clusters. */
    public Delivery send(long n) throws ExecutionException, InterruptedException, TimeoutException {
        String key = "order-" + n;
        String value = "{\"order\": " + n + ", \"at\": \"" + Instant.now() + "\"}";
        RecordMetadata metadata = producer.send(new ProducerRecord<>(Demo.TOPIC, key, value)).get();
        return new Delivery(key, metadata.partition(), metadata.offset(), demo.activeCluster(),
                demo.recordsOn(demo.mainCluster()), demo.recordsOn(demo.failoverCluster()));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
