package io.kafkafailover.gateway.proxy;

import io.kafkafailover.config.ClusterConfig;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Advertises only api versions that both the backend and the gateway understand: the gateway must
 * be able to track (and, for some apis, decode) every request a client sends.
 */
public final class ApiVersionsFilter implements ResponseFilter {
    private final Map<ApiKeys, Short> ceilings;

    public ApiVersionsFilter() {
        this(Map.of());
    }

    /** @param ceilings the highest version the gateway advertises for some apis, whatever the backend offers */
    public ApiVersionsFilter(Map<ApiKeys, Short> ceilings) {
        this.ceilings = Map.copyOf(ceilings);
    }

    @Override
    public boolean apply(ApiMessage body, short version, ClusterConfig cluster) {
        ApiVersionsResponseData response = (ApiVersionsResponseData) body;
        List<ApiVersion> narrowed = new ArrayList<>();
        boolean changed = false;
        for (ApiVersion backend : response.apiKeys()) {
            ApiVersion common = intersect(backend);
            if (common == null) {
                changed = true;
            } else {
                changed |= common.minVersion() != backend.minVersion() || common.maxVersion() != backend.maxVersion();
                narrowed.add(common);
            }
        }
        if (changed) {
            response.apiKeys().clear();
            narrowed.forEach(api -> response.apiKeys().add(api));
        }
        return changed;
    }

    /** The versions of one api both sides know, or null when there are none. */
    private ApiVersion intersect(ApiVersion backend) {
        if (!ApiKeys.hasId(backend.apiKey())) {
            return null;
        }
        ApiKeys known = ApiKeys.forId(backend.apiKey());
        short min = (short) Math.max(backend.minVersion(), known.oldestVersion());
        short max = (short) Math.min(Math.min(backend.maxVersion(), known.latestVersion()),
                ceilings.getOrDefault(known, Short.MAX_VALUE));
        if (min > max) {
            return null;
        }
        return new ApiVersion().setApiKey(backend.apiKey()).setMinVersion(min).setMaxVersion(max);
    }
}
