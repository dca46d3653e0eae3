package io.kafkafailover.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what slf4j-simple writes to standard error while a test runs (it looks up System.err on
 * every line), passing it through so that the test report still has it.
 */
public final class CapturedLog implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedLog() {
        PrintStream tee = new PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                captured.write(bytes, offset, length);
                original.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    public synchronized String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    public List<String> linesContaining(String fragment) {
        return text().lines().filter(line -> line.contains(fragment)).toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
