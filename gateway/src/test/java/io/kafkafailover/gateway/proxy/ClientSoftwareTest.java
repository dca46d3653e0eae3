package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSoftwareTest {

    @Test
    void readsTheNameAndVersionAClientSendsInApiVersions() {
        for (short version = 3; version <= ApiKeys.API_VERSIONS.latestVersion(); version++) {
            ByteBuf frame = apiVersions(version, "apache-kafka-java", "4.3.1");
            try {
                assertThat(ClientSoftware.fromApiVersionsRequest(frame, version))
                        .isEqualTo(new ClientSoftware("apache-kafka-java", "4.3.1"));
            } finally {
                frame.release();
            }
        }
    }

    @Test
    void requestsBeforeVersionThreeNameNoSoftware() {
        ByteBuf frame = RequestCodec.encode(UnpooledByteBufAllocator.DEFAULT, ApiKeys.API_VERSIONS, (short) 2, 1, "old",
                new ApiVersionsRequestData());
        try {
            assertThat(ClientSoftware.fromApiVersionsRequest(frame, (short) 2)).isEqualTo(ClientSoftware.UNKNOWN);
        } finally {
            frame.release();
        }
    }

    @Test
    void onlyTheJavaClientFromTheGivenVersionOnQualifies() {
        assertThat(new ClientSoftware("apache-kafka-java", "2.5.0").isJavaClientFrom(2, 5)).isTrue();
        assertThat(new ClientSoftware("apache-kafka-java", "3.0.0-SNAPSHOT").isJavaClientFrom(2, 5)).isTrue();
        assertThat(new ClientSoftware("apache-kafka-java", "2.4.1").isJavaClientFrom(2, 5)).isFalse();
        assertThat(new ClientSoftware("apache-kafka-java", "unknown").isJavaClientFrom(2, 5)).isFalse();
        assertThat(new ClientSoftware("librdkafka", "2.0.2").isJavaClientFrom(2, 5)).isFalse();
        assertThat(ClientSoftware.UNKNOWN.isJavaClientFrom(2, 5)).isFalse();
    }

    private static ByteBuf apiVersions(short version, String name, String softwareVersion) {
        return RequestCodec.encode(UnpooledByteBufAllocator.DEFAULT, ApiKeys.API_VERSIONS, version, 1, "client",
                new ApiVersionsRequestData().setClientSoftwareName(name).setClientSoftwareVersion(softwareVersion));
    }
}
