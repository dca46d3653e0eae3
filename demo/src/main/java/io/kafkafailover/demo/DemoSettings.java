package io.kafkafailover.demo;

import java.util.Map;

/**
 * Where the demo gateway listens. The defaults are the ports of the README and of the seed's curl
 * commands; {@code GATEWAY_PORT_START} and {@code GATEWAY_HTTP_PORT} move the demo when another
 * program already uses them (8888 is Jupyter's default, for one).
 *
 * @param portStart      the bootstrap port; broker ports follow it
 * @param httpPort       the admin API port, 0 for any free port
 * @param advertisedHost the host name clients are told to connect to
 */
public record DemoSettings(int portStart, int httpPort, String advertisedHost) {
    public static final int DEFAULT_PORT_START = 6969;
    public static final int DEFAULT_HTTP_PORT = 8888;
    public static final String DEFAULT_ADVERTISED_HOST = "localhost";

    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_PORT_START, DEFAULT_HTTP_PORT, DEFAULT_ADVERTISED_HOST);
    }

    /** The defaults, with the ports the environment asks for. The gateway itself validates them. */
    public static DemoSettings fromEnvironment(Map<String, String> env) {
        return new DemoSettings(
                port(env, "GATEWAY_PORT_START", DEFAULT_PORT_START),
                port(env, "GATEWAY_HTTP_PORT", DEFAULT_HTTP_PORT),
                DEFAULT_ADVERTISED_HOST);
    }

    private static int port(Map<String, String> env, String key, int defaultValue) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a port number: '" + value + "'");
        }
    }
}
