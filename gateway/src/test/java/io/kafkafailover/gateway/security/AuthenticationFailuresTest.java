package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.testing.CapturedLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationFailuresTest {

    @Test
    void aFailingClusterIsLoggedOnceThenSummarisedThenOnceMoreWhenItRecovers() throws InterruptedException {
        AuthenticationFailures failures = new AuthenticationFailures(Duration.ofMillis(300));
        try (CapturedLog log = CapturedLog.start()) {
            for (int i = 0; i < 50; i++) {
                failures.failed("east", "refused");
            }
            failures.failed("west", "refused"); // another cluster is another story
            assertThat(log.linesContaining("cluster 'east'")).hasSize(1);
            assertThat(log.linesContaining("cluster 'west'")).hasSize(1);

            Thread.sleep(350);
            failures.failed("east", "still refused");
            assertThat(log.linesContaining("cluster 'east': the gateway still cannot connect securely (50 more failures): still refused"))
                    .hasSize(1);

            failures.succeeded("east");
            failures.succeeded("east");
            assertThat(log.linesContaining("cluster 'east': the gateway authenticates again")).hasSize(1);

            failures.failed("east", "refused once more");
            assertThat(log.linesContaining("cluster 'east': the gateway cannot connect securely: refused once more")).hasSize(1);
        }
    }
}
