package io.kafkafailover.gateway.security;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.apache.kafka.common.security.plain.internals.PlainSaslServer;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramSaslServer;
import org.apache.kafka.common.security.scram.internals.ScramServerCallbackHandler;
import org.apache.kafka.common.security.token.delegation.internals.DelegationTokenCache;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * Kafka's own SASL servers, checking against the gateway's users: {@link PlainSaslServer} and
 * {@link ScramSaslServer}, the classes a broker uses, so that clients see the same exchange and the
 * same error messages as from a broker.
 */
final class SaslServers {
    private final SaslUsers users;
    private final List<String> enabled;
    /** The gateway issues no delegation tokens; an empty cache makes token logins fail as they should. */
    private final DelegationTokenCache noTokens = new DelegationTokenCache(ScramMechanism.mechanismNames());

    SaslServers(SaslUsers users, List<String> enabled) {
        this.users = users;
        this.enabled = List.copyOf(enabled);
    }

    List<String> enabled() {
        return enabled;
    }

    /** @param mechanism one of {@link #enabled()} */
    SaslServer create(String mechanism) throws SaslException {
        if (PlainSaslServer.PLAIN_MECHANISM.equals(mechanism)) {
            return new PlainSaslServer(new PlainUsers());
        }
        ScramMechanism scram = ScramMechanism.forMechanismName(mechanism);
        ScramServerCallbackHandler handler = new ScramServerCallbackHandler(users.scramCredentials(scram), noTokens);
        handler.configure(Map.of(), mechanism, List.of());
        try {
            return new ScramSaslServer(scram, Map.of(), handler);
        } catch (NoSuchAlgorithmException e) {
            throw new SaslException("no " + scram.hashAlgorithm() + " in this Java runtime", e);
        }
    }

    /** Answers {@link PlainSaslServer}'s question "is this the user's password?" from the salted credentials. */
    private final class PlainUsers implements AuthenticateCallbackHandler {
        @Override
        public void configure(Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> entries) {
        }

        @Override
        public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
            String username = null;
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    username = name.getDefaultName();
                } else if (callback instanceof PlainAuthenticateCallback plain) {
                    plain.authenticated(username != null && users.verifyPlain(username, plain.password()));
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
