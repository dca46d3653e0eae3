package io.kafkafailover.gateway.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.BasicAuthCredentials;
import io.kafkafailover.admin.AdminApiPaths;
import io.kafkafailover.admin.AdminJson;
import io.kafkafailover.admin.ApiError;
import io.kafkafailover.admin.ClusterView;
import io.kafkafailover.admin.PClusterView;
import io.kafkafailover.admin.PClustersView;
import io.kafkafailover.admin.SwitchResult;
import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.routing.ActiveCluster;
import io.kafkafailover.gateway.routing.SwitchRefusedException;
import io.kafkafailover.gateway.routing.Switcher;
import io.kafkafailover.gateway.security.AdminTls;
import io.kafkafailover.gateway.security.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin HTTP API: switch, list, get (basic auth), health and Prometheus metrics. Its paths and
 * answers are the ones scripts written for Conduktor Gateway already use.
 */
public final class AdminApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final String REALM = "Basic realm=\"kafka-failover\", charset=\"UTF-8\"";

    private final ActiveCluster active;
    private final Switcher switcher;
    private final AdminUsers users;
    private final GatewayMetrics metrics;
    private final BackendHealth health;
    private final Javalin server;
    private final Optional<AdminTls> tls;

    public AdminApi(String host, int port, ActiveCluster active, Switcher switcher, AdminUsers users,
                    GatewayMetrics metrics, BackendHealth health) {
        this(host, port, active, switcher, users, metrics, health, Optional.empty());
    }

    /** @param tls HTTPS instead of HTTP on the same port, when present */
    public AdminApi(String host, int port, ActiveCluster active, Switcher switcher, AdminUsers users,
                    GatewayMetrics metrics, BackendHealth health, Optional<TlsSettings> tls) {
        this.tls = tls.map(AdminTls::start);
        this.active = active;
        this.switcher = switcher;
        this.users = users;
        this.metrics = metrics;
        this.health = health;
        if (users.isEmpty()) {
            LOG.warn("{} is not set: every admin API call will be refused with 401", AdminUsers.KEY);
        }
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            this.tls.ifPresent(https -> config.jetty.addConnector((jetty, http) -> https.connector(jetty, http, host, port)));
            config.routes.before("/admin/*", this::authenticate);
            config.routes.post(AdminApiPaths.SWITCH, this::switchCluster);
            config.routes.get(AdminApiPaths.PCLUSTERS, ctx -> json(ctx, 200, new PClustersView(List.of(view()))));
            config.routes.get(AdminApiPaths.PCLUSTER, ctx -> json(ctx, 200, view(requirePCluster(ctx))));
            config.routes.get(AdminApiPaths.HEALTH_LIVE, ctx -> json(ctx, 200, Map.of("status", "UP")));
            config.routes.get(AdminApiPaths.HEALTH_READY, ctx -> json(ctx, 200, health.report()));
            config.routes.get(AdminApiPaths.METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            config.routes.exception(ApiException.class, (e, ctx) -> json(ctx, e.status(), e.error()));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    json(ctx, 404, ApiError.notFound("no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
        }).start();
        LOG.info("Admin API on {}://{}:{}", this.tls.isPresent() ? "https" : "http", host, server.port());
    }

    public int port() {
        return server.port();
    }

    private void authenticate(Context ctx) {
        BasicAuthCredentials credentials = ctx.basicAuthCredentials();
        boolean known = credentials != null
                && users.authenticate(credentials.getUsername(), credentials.getPassword()).isPresent();
        if (!known) {
            ctx.header("WWW-Authenticate", REALM);
            throw new ApiException(401, ApiError.unauthorized("valid admin API credentials are required"));
        }
        ctx.attribute("principal", users.authenticate(credentials.getUsername(), credentials.getPassword()).orElseThrow());
    }

    private void switchCluster(Context ctx) {
        AdminUsers.Principal principal = ctx.attribute("principal");
        if (principal == null || !principal.admin()) {
            throw new ApiException(403, new ApiError("forbidden", "switching needs a user with admin: true"));
        }
        String pcluster = requirePCluster(ctx);
        String target = ctx.queryParam(AdminApiPaths.TO_PARAM);
        if (target == null || target.isBlank()) {
            throw new ApiException(400, ApiError.badRequest("query parameter 'to' names the cluster to switch to"));
        }
        boolean force = "true".equalsIgnoreCase(ctx.queryParam(AdminApiPaths.FORCE_PARAM));
        try {
            Switcher.Outcome outcome = switcher.switchTo(target, force);
            LOG.info("Admin user '{}' switched '{}' to '{}' (was '{}')", principal.username(), pcluster, target, outcome.previous());
            json(ctx, 200, SwitchResult.switched(pcluster, outcome.active(), outcome.previous(),
                    outcome.switchedAt(), outcome.connectionsClosed()));
        } catch (SwitchRefusedException e) {
            throw switch (e.reason()) {
                case UNKNOWN_CLUSTER -> new ApiException(404, ApiError.notFound(e.getMessage()));
                case NOT_A_FAILOVER_TARGET -> new ApiException(400, ApiError.badRequest(e.getMessage()));
                case PREFLIGHT_FAILED -> new ApiException(409, ApiError.preflightFailed(e.getMessage()));
            };
        }
    }

    /** Only {@code main} is a physical cluster whose traffic can be switched. */
    private String requirePCluster(Context ctx) {
        String name = ctx.pathParam("name");
        if (!name.equals(active.clusters().main().name())) {
            throw new ApiException(404, ApiError.notFound("unknown pcluster '" + name + "' (known: "
                    + active.clusters().main().name() + ")"));
        }
        return name;
    }

    private PClusterView view() {
        return view(active.clusters().main().name());
    }

    private PClusterView view(String pcluster) {
        ActiveCluster.State state = active.state();
        List<ClusterView> clusters = new ArrayList<>();
        for (ClusterConfig cluster : active.clusters().all()) {
            clusters.add(new ClusterView(cluster.name(), List.copyOf(cluster.roles()), cluster.bootstrapServers(),
                    cluster.name().equals(state.cluster().name())));
        }
        return new PClusterView(pcluster, state.cluster().name(),
                state.switchedAt().map(Object::toString).orElse(null), clusters);
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(AdminJson.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    @Override
    public void close() {
        server.stop();
        tls.ifPresent(AdminTls::close);
    }
}
