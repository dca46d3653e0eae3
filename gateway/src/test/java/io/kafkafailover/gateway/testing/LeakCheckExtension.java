package io.kafkafailover.gateway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test class when Netty reported a buffer leak while it ran. Registered for every test
 * class through JUnit's extension auto-detection.
 */
public final class LeakCheckExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        assertThat(ResourceLeakDetector.getLevel()).as("leak detection level").isEqualTo(ResourceLeakDetector.Level.PARANOID);
        // Leaks are noticed when a collected buffer's tracker is polled, which happens on allocation.
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 100; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
            }
        }
        List<String> leaks = List.copyOf(RecordingLeakDetector.LEAKS);
        RecordingLeakDetector.LEAKS.clear(); // each leak fails one class, the one that noticed it
        assertThat(leaks).as("Netty buffer leaks noticed after " + context.getDisplayName()).isEmpty();
    }
}
