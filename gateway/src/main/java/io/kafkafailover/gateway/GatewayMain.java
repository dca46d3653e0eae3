package io.kafkafailover.gateway;

import io.kafkafailover.config.ClusterConfigException;
import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.gateway.config.GatewayConfigException;

/** {@code java -jar gateway.jar}: runs the gateway from its environment until it is stopped. */
public final class GatewayMain {
    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnvironment(System.getenv());
        } catch (ClusterConfigException | GatewayConfigException e) {
            System.err.println("kafka-failover gateway: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Gateway gateway = Gateway.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
        Thread.currentThread().join();
    }
}
