package io.kafkafailover.gateway.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A confluent_kafka (librdkafka) client script from the test resources, run by Debian's python3,
 * reporting one JSON object per line on stdout and stopping on a "stop" line on stdin.
 */
final class LibrdkafkaScript implements AutoCloseable {
    /** Debian's interpreter: the python3 found first on PATH may not see Debian's python3-confluent-kafka. */
    static final String PYTHON = "/usr/bin/python3";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path stderr;
    private final Queue<JsonNode> events = new ConcurrentLinkedQueue<>();
    private final Queue<String> unreadable = new ConcurrentLinkedQueue<>();
    private final Thread reader;

    private LibrdkafkaScript(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readEvents, "librdkafka-script-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Fails, never skips, when the client library is missing: CI must run these tests. */
    static void requireInstalled() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder(PYTHON, "-c", "import confluent_kafka").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(PYTHON + " cannot be run (" + e.getMessage() + "). " + howToInstall(), e);
        }
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            throw new AssertionError(PYTHON + " cannot import confluent_kafka: " + output.strip() + ". " + howToInstall());
        }
    }

    private static String howToInstall() {
        return "The librdkafka tests need Debian's python3-confluent-kafka; .ci/run installs it "
                + "(apt-get install -y python3-confluent-kafka), or install it by hand the same way.";
    }

    /** @param resource a script under src/test/resources */
    static LibrdkafkaScript start(String resource, String... arguments) throws Exception {
        Path script = Path.of(LibrdkafkaScript.class.getResource("/" + resource).toURI());
        List<String> command = new ArrayList<>(List.of(PYTHON, "-u", script.toString()));
        command.addAll(List.of(arguments));
        Path stderr = Files.createTempFile("librdkafka-script", ".stderr");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new LibrdkafkaScript(process, stderr);
    }

    private void readEvents() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException e) {
                    unreadable.add(line);
                }
            }
        } catch (IOException e) {
            unreadable.add("stdout broke: " + e);
        }
    }

    /** Every event so far, in the order the script printed them. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    List<JsonNode> events(String type) {
        return events.stream().filter(event -> type.equals(event.path("event").asText())).toList();
    }

    List<String> unreadableLines() {
        return List.copyOf(unreadable);
    }

    /** Waits for the first event of the type that matches, failing early if the script dies. */
    JsonNode await(String type, Predicate<JsonNode> matching, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : events(type)) {
                if (matching.test(event)) {
                    return event;
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                throw new AssertionError("the script ended (exit code " + process.exitValue() + ") before a '" + type
                        + "' event; stderr: " + stderr());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("no matching '" + type + "' event within " + timeout.toSeconds() + " s; stderr: " + stderr());
    }

    /** Asks the script to stop and waits until it did; returns its exit code. */
    int stop() throws Exception {
        if (process.isAlive()) {
            OutputStream stdin = process.getOutputStream();
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            stdin.close();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the script did not stop within 60 s; stderr: " + stderr());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** What librdkafka and python logged, for failure messages. */
    String stderr() {
        try {
            String text = Files.readString(stderr, StandardCharsets.UTF_8);
            return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
