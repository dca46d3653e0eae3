package io.kafkafailover.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The short system commands the harness runs and waits for: {@code taskset}, {@code jcmd}, {@code getconf}. */
public final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} to its end and returns its output, standard error included.
     *
     * @param whenMissing what the harness needs it for, said when it cannot be started at all
     * @throws UncheckedIOException  when it cannot be started
     * @throws IllegalStateException when it fails or outlives {@code timeout}, with its output; or when the
     *                               wait is interrupted
     */
    public static String run(List<String> command, Duration timeout, String whenMissing) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(whenMissing + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
