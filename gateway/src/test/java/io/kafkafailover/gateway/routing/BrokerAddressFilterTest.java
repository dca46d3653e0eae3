package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.RequestInfo;
import io.kafkafailover.gateway.proxy.ResponseCodec;
import io.kafkafailover.gateway.proxy.ResponseFilters;
import io.kafkafailover.gateway.proxy.Transport;
import io.kafkafailover.gateway.proxy.UpstreamPipeline;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ShareAcknowledgeResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response type that carries broker addresses, at every version kafka-clients knows, comes
 * back with only gateway addresses, node ids untouched, after a trip through encode → filter → decode.
 */
class BrokerAddressFilterTest {
    private static final String GATEWAY_HOST = "gateway.example";
    private static final int PORT_START = 7000;
    // Disjoint ids: the failover cluster's brokers are 101 and 102, so its base is 100.
    private static final ClusterConfig FAILOVER = ClusterConfig.fromKeys("failover",
            Map.of("bootstrap.servers", "10.0.0.1:9092", "gateway.roles", "failover", "gateway.node.id.base", "100"));

    private final ByteBufAllocator allocator = UnpooledByteBufAllocator.DEFAULT;
    private final BackendProbe probe = new BackendProbe(Transport.best(), new UpstreamPipeline(1024 * 1024), Optional.empty(), Duration.ofSeconds(1));
    private final BrokerDirectory directory = new BrokerDirectory(probe);
    private final ResponseFilters filters = new BrokerAddressFilter(GATEWAY_HOST, new BrokerPorts(PORT_START, 8), directory)
            .registerOn(new ResponseFilters());

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    /** A response of one api, and how to read back the (nodeId, host, port) triples it carries. */
    private record Case(ApiKeys api, int fromVersion, Function<Short, ApiMessage> build,
                        Function<ApiMessage, List<Endpoint>> endpoints, boolean learnsAddresses) {
    }

    private record Endpoint(int nodeId, String host, int port) {
    }

    static Stream<Arguments> everyVersion() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : cases()) {
            IntStream.rangeClosed(Math.max(c.fromVersion(), c.api().messageType.lowestSupportedVersion()),
                            c.api().messageType.highestSupportedVersion(true))
                    .forEach(version -> all.add(Arguments.of(c.api(), (short) version, c)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("everyVersion")
    void everyBrokerAddressPointsAtTheGateway(ApiKeys api, short version, Case c) {
        ApiMessage response = c.build().apply(version);
        List<Endpoint> original = c.endpoints().apply(response);
        assertThat(original).as("fixture carries brokers").isNotEmpty()
                .allSatisfy(endpoint -> assertThat(endpoint.host()).startsWith("broker-"));

        ApiMessage rewritten = roundTrip(api, version, response);

        // port = start + 1 + (node id - base 100); node ids are never changed
        assertThat(c.endpoints().apply(rewritten)).containsExactlyInAnyOrderElementsOf(original.stream()
                .map(e -> new Endpoint(e.nodeId(), GATEWAY_HOST, PORT_START + 1 + e.nodeId() - 100)).toList());
        if (c.learnsAddresses()) {
            assertThat(directory.known(FAILOVER, 101)).contains(InetSocketAddress.createUnresolved("broker-101", 9192));
        }
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("olderThanNodeEndpoints")
    void produceAndFetchBeforeKip951AreForwardedUntouched(ApiKeys api, short version) {
        ByteBuf frame = encode(api, version, api.messageType.newResponse());
        ByteBuf out = filters.apply(new RequestInfo(api, version, 42, true), frame, FAILOVER, allocator);
        assertThat(out).isSameAs(frame);
        out.release();
    }

    static Stream<Arguments> olderThanNodeEndpoints() {
        return Stream.concat(
                IntStream.range(ApiKeys.PRODUCE.oldestVersion(), 10).mapToObj(v -> Arguments.of(ApiKeys.PRODUCE, (short) v)),
                IntStream.range(ApiKeys.FETCH.oldestVersion(), 16).mapToObj(v -> Arguments.of(ApiKeys.FETCH, (short) v)));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("fetchVersions")
    void fetchWithoutLeaderChangeIsForwardedByteForByte(short version) {
        ByteBuf frame = encode(ApiKeys.FETCH, version, new FetchResponseData().setSessionId(7));
        ByteBuf out = filters.apply(new RequestInfo(ApiKeys.FETCH, version, 42, true), frame, FAILOVER, allocator);
        assertThat(out).isSameAs(frame);
        out.release();
    }

    static Stream<Short> fetchVersions() {
        return IntStream.rangeClosed(16, ApiKeys.FETCH.latestVersion(true)).mapToObj(v -> (short) v);
    }

    private ApiMessage roundTrip(ApiKeys api, short version, ApiMessage response) {
        ByteBuf frame = encode(api, version, response);
        ByteBuf out;
        try {
            out = filters.apply(new RequestInfo(api, version, 42, true), frame, FAILOVER, allocator);
        } catch (RuntimeException e) {
            frame.release(); // on failure the caller still owns the frame
            throw e;
        }
        try {
            ResponseCodec.Decoded decoded = ResponseCodec.decode(out, api, version);
            assertThat(decoded.header().correlationId()).isEqualTo(42);
            return decoded.body();
        } finally {
            out.release();
        }
    }

    private ByteBuf encode(ApiKeys api, short version, ApiMessage body) {
        ResponseHeader header = new ResponseHeader(42, api.responseHeaderVersion(version));
        return ResponseCodec.encode(allocator, new ResponseCodec.Decoded(header, body, version));
    }

    private static List<Case> cases() {
        return List.of(
                new Case(ApiKeys.METADATA, 0, version -> {
                    MetadataResponseData data = new MetadataResponseData();
                    data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(101).setHost("broker-101").setPort(9192));
                    data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(102).setHost("broker-102").setPort(9193));
                    return data;
                }, message -> ((MetadataResponseData) message).brokers().stream()
                        .map(b -> new Endpoint(b.nodeId(), b.host(), b.port())).toList(), true),
                new Case(ApiKeys.FIND_COORDINATOR, 0, version -> {
                    FindCoordinatorResponseData data = new FindCoordinatorResponseData();
                    if (version < 4) {
                        return data.setNodeId(101).setHost("broker-101").setPort(9192);
                    }
                    data.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group-a").setNodeId(101).setHost("broker-101").setPort(9192));
                    data.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group-b").setNodeId(102).setHost("broker-102").setPort(9193));
                    // a failed lookup carries no address and must stay as it is
                    data.coordinators().add(new FindCoordinatorResponseData.Coordinator().setKey("group-c").setNodeId(-1).setHost("").setPort(-1).setErrorCode((short) 15));
                    return data;
                }, message -> {
                    FindCoordinatorResponseData data = (FindCoordinatorResponseData) message;
                    if (data.coordinators().isEmpty()) { // versions 0-3 name one coordinator
                        return List.of(new Endpoint(data.nodeId(), data.host(), data.port()));
                    }
                    return data.coordinators().stream().filter(c -> c.nodeId() >= 0)
                            .map(c -> new Endpoint(c.nodeId(), c.host(), c.port())).toList();
                }, true),
                new Case(ApiKeys.DESCRIBE_CLUSTER, 0, version -> {
                    DescribeClusterResponseData data = new DescribeClusterResponseData();
                    data.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(101).setHost("broker-101").setPort(9192));
                    data.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(102).setHost("broker-102").setPort(9193));
                    return data;
                }, message -> ((DescribeClusterResponseData) message).brokers().stream()
                        .map(b -> new Endpoint(b.brokerId(), b.host(), b.port())).toList(), true),
                new Case(ApiKeys.PRODUCE, 10, version -> {
                    ProduceResponseData data = new ProduceResponseData();
                    data.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(101).setHost("broker-101").setPort(9192));
                    data.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(102).setHost("broker-102").setPort(9193));
                    return data;
                }, message -> ((ProduceResponseData) message).nodeEndpoints().stream()
                        .map(n -> new Endpoint(n.nodeId(), n.host(), n.port())).toList(), false),
                new Case(ApiKeys.FETCH, 16, version -> {
                    FetchResponseData data = new FetchResponseData();
                    data.nodeEndpoints().add(new FetchResponseData.NodeEndpoint().setNodeId(101).setHost("broker-101").setPort(9192));
                    data.nodeEndpoints().add(new FetchResponseData.NodeEndpoint().setNodeId(102).setHost("broker-102").setPort(9193));
                    return data;
                }, message -> ((FetchResponseData) message).nodeEndpoints().stream()
                        .map(n -> new Endpoint(n.nodeId(), n.host(), n.port())).toList(), false),
                new Case(ApiKeys.SHARE_FETCH, 0, version -> {
                    ShareFetchResponseData data = new ShareFetchResponseData();
                    data.nodeEndpoints().add(new ShareFetchResponseData.NodeEndpoint().setNodeId(101).setHost("broker-101").setPort(9192));
                    data.nodeEndpoints().add(new ShareFetchResponseData.NodeEndpoint().setNodeId(102).setHost("broker-102").setPort(9193));
                    return data;
                }, message -> ((ShareFetchResponseData) message).nodeEndpoints().stream()
                        .map(n -> new Endpoint(n.nodeId(), n.host(), n.port())).toList(), false),
                new Case(ApiKeys.SHARE_ACKNOWLEDGE, 0, version -> {
                    ShareAcknowledgeResponseData data = new ShareAcknowledgeResponseData();
                    data.nodeEndpoints().add(new ShareAcknowledgeResponseData.NodeEndpoint().setNodeId(101).setHost("broker-101").setPort(9192));
                    data.nodeEndpoints().add(new ShareAcknowledgeResponseData.NodeEndpoint().setNodeId(102).setHost("broker-102").setPort(9193));
                    return data;
                }, message -> ((ShareAcknowledgeResponseData) message).nodeEndpoints().stream()
                        .map(n -> new Endpoint(n.nodeId(), n.host(), n.port())).toList(), false));
    }
}
