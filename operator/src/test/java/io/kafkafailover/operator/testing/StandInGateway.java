package io.kafkafailover.operator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kafkafailover.admin.AdminApiPaths;
import io.kafkafailover.admin.AdminJson;
import io.kafkafailover.admin.ApiError;
import io.kafkafailover.admin.ClusterView;
import io.kafkafailover.admin.PClusterView;
import io.kafkafailover.admin.SwitchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two admin endpoints of a gateway (read the active cluster, switch it) on a JDK HttpServer,
 * with basic auth, for tests of the operator's switching before real gateways take their place.
 * It can be slowed down, made to fail a number of requests, stopped and restarted.
 */
public final class StandInGateway implements AdminApiGateway {

  private static final ObjectMapper JSON = AdminJson.mapper();
  private static final String PCLUSTER_PATH = AdminApiPaths.pcluster("main");
  private static final List<String> CLUSTERS = List.of("main", "failover");

  private final String ip;
  private final int port;
  private final String expectedAuthorization;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger switchCalls = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 503;
  private volatile Duration delay = Duration.ZERO;
  private volatile java.util.concurrent.CountDownLatch together;
  private volatile String active;
  private volatile Instant switchedAt;
  private HttpServer server;

  public StandInGateway(String ip, int port, String username, String password, String active) {
    this.ip = ip;
    this.port = port;
    this.expectedAuthorization = "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    start(active);
  }

  @Override
  public synchronized void start(String activeCluster) {
    this.active = activeCluster;
    try {
      server = HttpServer.create(new InetSocketAddress(ip, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + ip + ":" + port, e);
    }
    server.setExecutor(executor);
    server.createContext(PCLUSTER_PATH, this::handle);
    server.start();
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
    executor.shutdownNow();
  }

  @Override
  public String ip() {
    return ip;
  }

  @Override
  public int adminPort() {
    return port;
  }

  @Override
  public String activeCluster() {
    return active;
  }

  @Override
  public void switchByHand(String cluster) {
    active = cluster;
    switchedAt = Instant.now();
  }

  public int switchCalls() {
    return switchCalls.get();
  }

  /** Every request waits this long before it is answered. */
  public void delayAnswers(Duration delay) {
    this.delay = delay;
  }

  /**
   * Every request first counts {@code arrived} down and waits (up to 10 s) until it reaches zero:
   * with one latch shared by several stand-ins, none answers before all were called at once.
   */
  public void answerOnlyTogether(java.util.concurrent.CountDownLatch arrived) {
    this.together = arrived;
  }

  /** The next {@code count} requests are answered with {@code status} and an ApiError. */
  public void failNextRequests(int count, int status) {
    this.failureStatus = status;
    this.failuresLeft.set(count);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      sleep(delay);
      java.util.concurrent.CountDownLatch latch = together;
      if (latch != null) {
        latch.countDown();
        try {
          latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, new ApiError(ApiError.UNAUTHORIZED, "bad credentials"));
      } else if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        answer(exchange, failureStatus, new ApiError("http_" + failureStatus, "failing on purpose"));
      } else if ("GET".equals(exchange.getRequestMethod())
          && exchange.getRequestURI().getPath().equals(PCLUSTER_PATH)) {
        answer(exchange, 200, view());
      } else if ("POST".equals(exchange.getRequestMethod())
          && exchange.getRequestURI().getPath().equals(PCLUSTER_PATH + "/switch")) {
        switchTo(exchange);
      } else {
        answer(exchange, 404, ApiError.notFound(exchange.getRequestURI().getPath()));
      }
    }
  }

  private void switchTo(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    String target = query == null ? null : query.replaceFirst("^.*\\bto=([^&]*).*$", "$1");
    if (target == null || !CLUSTERS.contains(target)) {
      answer(exchange, 404, ApiError.notFound("unknown target " + target));
      return;
    }
    switchCalls.incrementAndGet();
    String previous = active;
    switchByHand(target);
    answer(exchange, 200, SwitchResult.switched("main", target, previous, switchedAt, 0));
  }

  private PClusterView view() {
    List<ClusterView> clusters = CLUSTERS.stream()
        .map(name -> new ClusterView(name, name.equals("main") ? List.of() : List.of("failover"),
            name + ":9092", name.equals(active)))
        .toList();
    return new PClusterView("main", active, switchedAt == null ? null : switchedAt.toString(), clusters);
  }

  private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(Duration duration) {
    if (!duration.isZero()) {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
