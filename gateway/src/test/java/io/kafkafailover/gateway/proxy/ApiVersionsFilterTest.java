package io.kafkafailover.gateway.proxy;

import io.kafkafailover.config.ClusterConfig;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVersionsFilterTest {
    private static final ClusterConfig CLUSTER = null; // the filter does not look at the cluster

    @Test
    void aCeilingLowersTheAdvertisedMaximumAndNothingElse() {
        ApiVersionsResponseData response = new ApiVersionsResponseData();
        response.apiKeys().add(version(ApiKeys.FETCH, 4, ApiKeys.FETCH.latestVersion()));
        response.apiKeys().add(version(ApiKeys.PRODUCE, 3, ApiKeys.PRODUCE.latestVersion()));

        boolean changed = new ApiVersionsFilter(Map.of(ApiKeys.FETCH, (short) 15)).apply(response, (short) 3, CLUSTER);

        assertThat(changed).isTrue();
        assertThat(response.apiKeys().find(ApiKeys.FETCH.id).maxVersion()).isEqualTo((short) 15);
        assertThat(response.apiKeys().find(ApiKeys.FETCH.id).minVersion()).isEqualTo((short) 4);
        assertThat(response.apiKeys().find(ApiKeys.PRODUCE.id).maxVersion()).isEqualTo(ApiKeys.PRODUCE.latestVersion());
    }

    @Test
    void aBackendBelowTheCeilingIsLeftAlone() {
        ApiVersionsResponseData response = new ApiVersionsResponseData();
        response.apiKeys().add(version(ApiKeys.FETCH, 4, 12));

        boolean changed = new ApiVersionsFilter(Map.of(ApiKeys.FETCH, (short) 15)).apply(response, (short) 3, CLUSTER);

        assertThat(changed).isFalse();
        assertThat(response.apiKeys().find(ApiKeys.FETCH.id).maxVersion()).isEqualTo((short) 12);
    }

    private static ApiVersion version(ApiKeys api, int min, int max) {
        return new ApiVersion().setApiKey(api.id).setMinVersion((short) min).setMaxVersion((short) max);
    }
}
