package io.kafkafailover.bench.fanout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one stand-in of the harness: fabric8's mock API server in CRUD mode (as the operator's own
 * tests run it), because there is no Kubernetes here. It stores, patches and watches objects like
 * an API server, with the shipped CRD loaded so that the status subresource behaves as on a real one
 * (a status write does not bump the generation). It has no kubelet and no controllers.
 */
final class MockKubernetes implements AutoCloseable {
    /**
     * The mock server logs every request at INFO through java.util.logging, hundreds per switch.
     * Held here because java.util.logging forgets the level of a logger nobody references.
     */
    private static final Logger REQUEST_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private MockKubernetes(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    static MockKubernetes start(Path crd) {
        REQUEST_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        KubernetesClient client = server.createClient();
        try (InputStream definition = Files.newInputStream(crd)) {
            client.apiextensions().v1().customResourceDefinitions().load(definition).create();
        } catch (IOException e) {
            client.close();
            server.destroy();
            throw new UncheckedIOException("Cannot read the CRD " + crd, e);
        }
        return new MockKubernetes(server, client);
    }

    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
