package io.kafkafailover.gateway.security;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.ResponseFilter;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

/**
 * SaslHandshake and SaslAuthenticate are the gateway's business, not the backend's: clients are
 * offered them exactly when the gateway's own listener uses SASL (in the versions the gateway
 * answers), whatever the backend's listener does. Without this, a client in front of a SASL backend
 * would see SASL offered by a PLAINTEXT gateway, and a client of a SASL gateway in front of a
 * PLAINTEXT backend would see it missing.
 */
public final class SaslApiVersions implements ResponseFilter {
    private final boolean clientSasl;

    public SaslApiVersions(boolean clientSasl) {
        this.clientSasl = clientSasl;
    }

    @Override
    public boolean apply(ApiMessage body, short version, ClusterConfig cluster) {
        ApiVersionsResponseData response = (ApiVersionsResponseData) body;
        if (response.errorCode() != Errors.NONE.code()) {
            return false; // a KIP-511 "ask again" answer lists only ApiVersions itself
        }
        boolean handshake = offer(response, ApiKeys.SASL_HANDSHAKE, ClientAuthenticator.HANDSHAKE_VERSION);
        boolean authenticate = offer(response, ApiKeys.SASL_AUTHENTICATE, ApiKeys.SASL_AUTHENTICATE.oldestVersion());
        return handshake | authenticate;
    }

    /** @return whether the response changed */
    private boolean offer(ApiVersionsResponseData response, ApiKeys api, short minVersion) {
        ApiVersion backend = response.apiKeys().find(api.id);
        if (!clientSasl) {
            if (backend != null) {
                response.apiKeys().remove(backend);
                return true;
            }
            return false;
        }
        short maxVersion = api == ApiKeys.SASL_HANDSHAKE ? minVersion : api.latestVersion();
        if (backend != null && backend.minVersion() == minVersion && backend.maxVersion() == maxVersion) {
            return false;
        }
        if (backend != null) {
            response.apiKeys().remove(backend);
        }
        response.apiKeys().add(new ApiVersion().setApiKey(api.id).setMinVersion(minVersion).setMaxVersion(maxVersion));
        return true;
    }
}
