package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.testing.CapturedLog;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures everything logged while a test class runs (gateway, Kafka brokers and clients alike)
 * and fails the class if any password registered in {@link TestSecrets} appears in it. Registered
 * for every test class through JUnit's extension auto-detection, so the whole suite is checked.
 */
public final class NoSecretsInLogs implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoSecretsInLogs.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(CapturedLog.class, CapturedLog.start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CapturedLog log = context.getStore(NAMESPACE).remove(CapturedLog.class, CapturedLog.class);
        if (log == null) {
            return;
        }
        log.close();
        String text = log.text();
        List<String> leaked = new ArrayList<>();
        TestSecrets.all().forEach((secret, purpose) -> {
            if (text.contains(secret)) {
                leaked.add(purpose);
            }
        });
        assertThat(leaked).as("passwords that appeared in the log of " + context.getDisplayName()).isEmpty();
    }
}
