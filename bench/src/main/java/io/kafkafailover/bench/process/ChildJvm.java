package io.kafkafailover.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java process the harness starts: brokers, the gateway and every load generator run in their
 * own JVM, so that none of them shares a heap, a GC or JIT threads with what it measures.
 * Its standard output and error go to a log file, which is also how its results are read back.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * What to start: {@code java <jvmOptions> -cp <classPath> <mainClass> <args>} or {@code -jar}.
     *
     * @param environment added to the harness's own environment, after removing every inherited
     *                    variable that starts with one of {@code ownedPrefixes}
     * @param launcher    a command that runs {@code java} in turn, e.g. {@code taskset -c 1}; usually none
     */
    public record Spec(String name, List<String> jvmOptions, List<String> launch, List<String> args,
                       Map<String, String> environment, List<String> ownedPrefixes, List<String> launcher) {

        public static Spec mainClass(String name, String classPath, String mainClass, List<String> args) {
            return new Spec(name, List.of(), List.of("-cp", classPath, mainClass), args, Map.of(), List.of(), List.of());
        }

        public static Spec jar(String name, Path jar, List<String> args) {
            return new Spec(name, List.of(), List.of("-jar", jar.toString()), args, Map.of(), List.of(), List.of());
        }

        public Spec withJvmOptions(List<String> options) {
            return new Spec(name, List.copyOf(options), launch, args, environment, ownedPrefixes, launcher);
        }

        public Spec withEnvironment(Map<String, String> env, List<String> prefixes) {
            return new Spec(name, jvmOptions, launch, args, Map.copyOf(env), List.copyOf(prefixes), launcher);
        }

        public Spec withLauncher(List<String> command) {
            return new Spec(name, jvmOptions, launch, args, environment, ownedPrefixes, List.copyOf(command));
        }
    }

    /** Starts the process; a launcher such as taskset execs {@code java}, so {@link #pid()} is the JVM's. */
    public static ChildJvm start(Spec spec, Path logDirectory) {
        List<String> command = new ArrayList<>(spec.launcher());
        command.add(javaExecutable());
        command.addAll(spec.jvmOptions());
        command.addAll(spec.launch());
        command.addAll(spec.args());
        Path log = logDirectory.resolve(spec.name() + ".log");
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> spec.ownedPrefixes().stream().anyMatch(key::startsWith));
            builder.environment().putAll(spec.environment());
            return new ChildJvm(spec.name(), builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /** Starts, waits for a normal exit and returns the output; fails with the output's tail otherwise. */
    public static List<String> run(Spec spec, Path logDirectory, Duration timeout) {
        try (ChildJvm child = start(spec, logDirectory)) {
            return child.awaitExit(timeout);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> output() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the first output line that {@code matches}; fails if the process dies first. */
    public String awaitLine(Predicate<String> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = output().stream().filter(matches).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw failure("exited with " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw failure("was not ready within " + timeout.toSeconds() + " s");
            }
            sleep(50);
        }
    }

    public List<String> awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure("did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
        if (process.exitValue() != 0) {
            throw failure("exited with " + process.exitValue());
        }
        return output();
    }

    /** Writes one line to its standard input, for the children that take commands there. */
    public void tell(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw failure("did not take its input (" + e.getMessage() + ")");
        }
    }

    /** Closes its standard input: the children that wait on it take that as "stop cleanly". */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the process is gone
        }
    }

    public IllegalStateException failure(String what) {
        List<String> lines = output();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 30), lines.size());
        return new IllegalStateException(name + " (pid " + process.pid() + ") " + what + "; log " + log
                + ", last lines:\n  " + String.join("\n  ", tail));
    }

    /** Asks the process to stop (SIGTERM, so shutdown hooks run), then kills it if it lingers. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        closeInput();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
