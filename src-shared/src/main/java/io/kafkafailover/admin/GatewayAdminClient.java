package io.kafkafailover.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Calls one gateway instance's admin API with HTTP basic auth.
 *
 * <p>The credentials are sent with every request rather than after a 401 challenge, and are never
 * part of a message. Every call is bounded by {@code timeout} (connect and answer). Thread-safe.
 */
public final class GatewayAdminClient implements AutoCloseable {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final String baseUri;
    private final String authorization;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;

    /** @param baseUri e.g. {@code http://10.0.0.7:8888}; a path prefix is kept, user info is not allowed */
    public GatewayAdminClient(URI baseUri, String username, String password, Duration timeout) {
        Objects.requireNonNull(baseUri, "baseUri");
        if (baseUri.getUserInfo() != null) {
            throw new IllegalArgumentException("pass the credentials separately, not in the URI");
        }
        this.baseUri = baseUri.toString().replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (Objects.requireNonNull(username, "username") + ":" + Objects.requireNonNull(password, "password"))
                        .getBytes(StandardCharsets.UTF_8));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        // our own executor, so that close() can release the client's threads on Java 17
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gateway-admin-client");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with a plain-HTTP admin port
                .connectTimeout(timeout)
                .executor(executor)
                .build();
    }

    /** Routes all traffic of {@code pcluster} to {@code target}; {@code force} skips the pre-flight check. */
    public SwitchResult switchTo(String pcluster, String target, boolean force) {
        return send("POST", AdminApiPaths.switchTo(pcluster, target, force), SwitchResult.class);
    }

    public PClusterView get(String pcluster) {
        return send("GET", AdminApiPaths.pcluster(pcluster), PClusterView.class);
    }

    public PClustersView list() {
        return send("GET", AdminApiPaths.PCLUSTERS, PClustersView.class);
    }

    private <T> T send(String method, String path, Class<T> answerType) {
        URI uri = URI.create(baseUri + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        String call = method + " " + uri;
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GatewayAdminException(call + ": no answer (" + e + ")", GatewayAdminException.NO_RESPONSE, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayAdminException(call + ": interrupted", GatewayAdminException.NO_RESPONSE, null, e);
        }
        if (response.statusCode() / 100 != 2) {
            ApiError error = parseError(response);
            throw new GatewayAdminException(call + ": " + response.statusCode() + " " + error.error() + ": "
                    + error.message(), response.statusCode(), error, null);
        }
        try {
            return AdminJson.mapper().readValue(response.body(), answerType);
        } catch (JsonProcessingException e) {
            throw new GatewayAdminException(call + ": " + response.statusCode() + " with an unreadable body: "
                    + abbreviate(response.body()), response.statusCode(), null, e);
        }
    }

    /** The ApiError body, or one made up from the status when the body is not one (a proxy's HTML page). */
    private static ApiError parseError(HttpResponse<String> response) {
        try {
            ApiError error = AdminJson.mapper().readValue(response.body(), ApiError.class);
            if (error != null && error.error() != null) {
                return error;
            }
        } catch (JsonProcessingException e) {
            // not an ApiError: fall through
        }
        return new ApiError("http_" + response.statusCode(), abbreviate(response.body()));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_BODY_IN_MESSAGE ? flat : flat.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "GatewayAdminClient[" + baseUri + "]";
    }
}
