package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.testkit.SaslSetup;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Properties and one-shot calls of Kafka clients that connect to a test gateway. */
final class GatewayClients {
    private GatewayClients() {
    }

    /** A client of {@code gateway} that logs in as a gateway user; over TLS it trusts the test CA. */
    static Map<String, Object> sasl(Gateway gateway, SecurityProtocol protocol, String mechanism, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
        properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, SaslSetup.clientJaasConfig(mechanism, user, password));
        if (protocol == SecurityProtocol.SASL_SSL) {
            properties.putAll(SecuredBackends.tls().clientTrustProperties());
        }
        return properties;
    }

    /** The cluster id seen through the gateway, or the exception that prevented it. */
    static Object describeCluster(Map<String, Object> properties) {
        return describeCluster(properties, Duration.ofSeconds(8));
    }

    static Object describeCluster(Map<String, Object> properties, Duration timeout) {
        Map<String, Object> quick = new HashMap<>(properties);
        quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2);
        try (Admin admin = Admin.create(quick)) {
            return admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }
}
