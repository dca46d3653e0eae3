package io.kafkafailover.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The admin API's paths, shared by the gateway that serves them and the clients that call them. */
public final class AdminApiPaths {

    public static final String PCLUSTERS = "/admin/pclusters/v1";
    public static final String PCLUSTER = PCLUSTERS + "/pcluster/{name}";
    public static final String SWITCH = PCLUSTER + "/switch";
    public static final String TO_PARAM = "to";
    public static final String FORCE_PARAM = "force";
    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    public static final String METRICS = "/metrics";
    public static final int DEFAULT_PORT = 8888;

    private AdminApiPaths() {
    }

    public static String pcluster(String name) {
        return PCLUSTERS + "/pcluster/" + encode(name);
    }

    /** {@code .../switch?to=target}, with {@code &force=true} when forced. */
    public static String switchTo(String pcluster, String target, boolean force) {
        return pcluster(pcluster) + "/switch?" + TO_PARAM + "=" + encode(target) + (force ? "&" + FORCE_PARAM + "=true" : "");
    }

    private static String encode(String value) {
        // URLEncoder is form encoding; a path segment or query value wants %20, not +.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
