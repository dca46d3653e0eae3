package io.kafkafailover.bench.fanout;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.config.GatewayConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Child JVM: the fan-out's gateway "pods", one real gateway per loopback address given as an
 * argument. All of them share this JVM, because twenty gateway JVMs would not fit next to the
 * brokers on a small machine; each is still configured from the environment, as a pod is, with
 * only its own addresses added. Runs until its standard input closes (the harness stopped or died).
 */
public final class FanOutGatewaysMain {
    static final String READY_LINE = "BENCH-FANOUT-GATEWAYS-READY";

    private FanOutGatewaysMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Gateway> gateways = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> gateways.forEach(Gateway::close), "fanout-gateways-shutdown"));
        for (String ip : args) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("GATEWAY_BIND_HOST", ip);
            env.put("GATEWAY_ADVERTISED_HOST", ip);
            env.put("GATEWAY_HTTP_BIND_HOST", ip);
            gateways.add(Gateway.start(GatewayConfig.fromEnvironment(env)));
        }
        System.out.println(READY_LINE);
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing to read: end of input is the signal to stop
        }
        System.exit(0);
    }
}
