package io.kafkafailover.gateway;

import io.kafkafailover.config.ClusterConfigException;
import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.gateway.config.GatewayConfigException;
import io.kafkafailover.gateway.security.PasswordHashCommand;

import java.util.Arrays;

/**
 * {@code java -jar gateway.jar}: runs the gateway from its environment until it is stopped.
 * {@code java -jar gateway.jar hash-password <username>}: prints a gateway user entry, see {@link PasswordHashCommand}.
 */
public final class GatewayMain {
    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(PasswordHashCommand.NAME)) {
            System.exit(PasswordHashCommand.run(Arrays.copyOfRange(args, 1, args.length), System.console(),
                    System.in, System.out, System.err));
            return;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(GatewayConfig.fromEnvironment(System.getenv()));
        } catch (ClusterConfigException | GatewayConfigException e) {
            System.err.println("kafka-failover gateway: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
        Thread.currentThread().join();
    }
}
