package io.kafkafailover.bench.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Where the harness finds its inputs and puts its outputs, relative to the bench module directory
 * (system property {@code bench.dir}, default: the working directory).
 *
 * @param classPath     the runtime class path of brokers and load generators, written by the bench pom
 * @param gatewayJar    the shaded, production {@code gateway/target/gateway.jar}, when it was built
 * @param workDirectory child JVM logs and recordings of this run
 */
public record BenchPaths(Path benchDirectory, String classPath, Optional<Path> gatewayJar, Path workDirectory) {

    public static BenchPaths locate() {
        Path bench = Path.of(System.getProperty("bench.dir", ".")).toAbsolutePath().normalize();
        Path classPathFile = bench.resolve("target/bench.classpath");
        if (!Files.isReadable(classPathFile)) {
            throw new IllegalStateException(classPathFile + " is missing: build with `mvn -pl bench -am package -DskipTests`"
                    + " (./run-benchmarks does)");
        }
        String dependencies;
        try {
            dependencies = Files.readString(classPathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classPath = bench.resolve("target/classes") + File.pathSeparator + dependencies;
        Path jar = bench.resolve("../gateway/target/gateway.jar").normalize();
        return new BenchPaths(bench, classPath, isRunnableGateway(jar) ? Optional.of(jar) : Optional.empty(),
                bench.resolve("target/bench-work"));
    }

    /** A jar packaged before the classes were compiled has no main class: not worth starting. */
    private static boolean isRunnableGateway(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry("io/kafkafailover/gateway/GatewayMain.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The same paths with the child JVMs' logs in a fresh {@code target/bench-work/<mode>}. */
    public BenchPaths forRun(String mode) {
        Path directory = benchDirectory.resolve("target/bench-work").resolve(mode);
        try {
            if (Files.exists(directory)) {
                List<Path> old;
                try (Stream<Path> files = Files.walk(directory)) {
                    old = files.sorted(Comparator.reverseOrder()).toList();
                }
                for (Path file : old) {
                    Files.delete(file);
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
        return new BenchPaths(benchDirectory, classPath, gatewayJar, directory);
    }

    public Path resultsFile(String name) {
        return benchDirectory.resolve("target").resolve(name);
    }
}
