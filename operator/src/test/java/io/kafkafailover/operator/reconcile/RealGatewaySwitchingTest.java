package io.kafkafailover.operator.reconcile;

import io.kafkafailover.admin.GatewayAdminClient;
import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.testing.AdminApiGateway;
import io.kafkafailover.operator.testing.LoopbackPorts;
import io.kafkafailover.testkit.FreePortRange;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The switching scenarios with three REAL gateway instances, bound to 127.0.0.2, 127.0.0.3 and
 * 127.0.0.4 like three pods, in front of two real Kafka clusters; plus a producer that keeps going
 * through them while the operator switches.
 */
class RealGatewaySwitchingTest extends SwitchingScenarios {
  private static final int KAFKA_PORTS = 1 + 8;
  private static final int KAFKA_PORT_START = FreePortRange.start(LoopbackPorts.POD_IPS, KAFKA_PORTS);

  @Override
  protected AdminApiGateway startGateway(String ip, int port, String username, String password, String active) {
    return new RealGateway(ip, port, username, password, active);
  }

  @Test
  void aProducerThroughTheGatewaysKeepsGoingWhileTheOperatorSwitches() throws Exception {
    String topic = "operator-switch-" + System.nanoTime();
    Queue<Exception> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    String bootstrap = LoopbackPorts.POD_IPS.stream().map(ip -> ip + ":" + KAFKA_PORT_START).collect(Collectors.joining(","));
    Map<String, Object> properties = new HashMap<>();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    int sent;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "before")).get();
      Thread sender = new Thread(() -> {
        for (int i = 0; running.get(); i++) {
          producer.send(new ProducerRecord<>(topic, "during-" + i), (metadata, error) -> {
            if (error != null) {
              failures.add(error);
            }
          });
          sleep(5);
        }
      }, "producer-through-gateways");
      sender.start();

      operator.patchActive(NAMESPACE, NAME, ClusterName.FAILOVER);
      awaitAllConfirmed(ClusterName.FAILOVER);
      producer.send(new ProducerRecord<>(topic, "after")).get();
      running.set(false);
      sender.join();
      producer.flush();
    }
    assertThat(failures).as("send failures while the operator switched").isEmpty();
    assertThat(gateways).allSatisfy(gateway -> assertThat(gateway.activeCluster()).isEqualTo("failover"));
    assertThat(valuesOf(SharedKafkaClusters.main(), topic)).contains("before").doesNotContain("after");
    assertThat(valuesOf(SharedKafkaClusters.failover(), topic)).contains("after");
  }

  private static List<String> valuesOf(KafkaCluster cluster, String topic) {
    Map<String, Object> properties = new HashMap<>(cluster.adminClientProperties());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<String> values = new java.util.ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
      return values;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A real gateway on one loopback address, started the way a pod starts it: from its environment. */
  private static final class RealGateway implements AdminApiGateway {
    private final String ip;
    private final int adminPort;
    private final String username;
    private final String password;
    private Gateway gateway;

    RealGateway(String ip, int adminPort, String username, String password, String active) {
      this.ip = ip;
      this.adminPort = adminPort;
      this.username = username;
      this.password = password;
      start(active);
    }

    @Override
    public String ip() {
      return ip;
    }

    @Override
    public int adminPort() {
      return adminPort;
    }

    @Override
    public String activeCluster() {
      try (GatewayAdminClient admin = admin()) {
        return admin.get("main").active();
      }
    }

    @Override
    public void switchByHand(String cluster) {
      try (GatewayAdminClient admin = admin()) {
        admin.switchTo("main", cluster, false);
      }
    }

    @Override
    public void stop() {
      if (gateway != null) {
        gateway.close();
        gateway = null;
      }
    }

    @Override
    public void start(String activeCluster) {
      KafkaCluster main = SharedKafkaClusters.main();
      KafkaCluster failover = SharedKafkaClusters.failover();
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_MAIN_BOOTSTRAP_SERVERS", main.bootstrapServers());
      env.put("KAFKA_MAIN_GATEWAY_NODE_ID_BASE", "1");
      env.put("KAFKA_FAILOVER_BOOTSTRAP_SERVERS", failover.bootstrapServers());
      env.put("KAFKA_FAILOVER_GATEWAY_ROLES", "failover");
      env.put("KAFKA_FAILOVER_GATEWAY_NODE_ID_BASE", "98"); // brokers 101, 102 on the ports after main's 1, 2, 3
      env.put("GATEWAY_BIND_HOST", ip);
      env.put("GATEWAY_ADVERTISED_HOST", ip);
      env.put("GATEWAY_PORT_START", String.valueOf(KAFKA_PORT_START));
      env.put("GATEWAY_PORT_COUNT", String.valueOf(KAFKA_PORTS - 1));
      env.put("GATEWAY_HTTP_BIND_HOST", ip);
      env.put("GATEWAY_HTTP_PORT", String.valueOf(adminPort));
      env.put("GATEWAY_ADMIN_API_USERS", "[{username: " + username + ", password: " + password + ", admin: true}]");
      env.put("GATEWAY_ACTIVE_CLUSTER", activeCluster);
      try {
        gateway = Gateway.start(GatewayConfig.fromEnvironment(env));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private GatewayAdminClient admin() {
      return new GatewayAdminClient(URI.create("http://" + ip + ":" + adminPort), username, password, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
      stop();
    }
  }
}
