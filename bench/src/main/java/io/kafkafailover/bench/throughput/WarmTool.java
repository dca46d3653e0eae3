package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.ChildJvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One load-generator JVM ({@link PerfToolMain}) that runs one of Kafka's performance tools run
 * after run, started with the first run and stopped by {@link #close()}: every run, direct or
 * through the gateway, meets the same warm client code.
 */
final class WarmTool implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchPaths paths;
    private final List<String> jvmOptions;
    private final PerfToolMain.Tool tool;
    private final String name;
    private ChildJvm jvm;
    private int runs;

    /** @param name the JVM's, which names its log */
    WarmTool(BenchPaths paths, List<String> jvmOptions, PerfToolMain.Tool tool, String name) {
        this.paths = paths;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.tool = tool;
        this.name = name;
    }

    /** Runs {@code instances} of the tool at once and returns what they printed. */
    List<String> run(String runName, int instances, List<String> toolArgs) {
        String id = runName + "#" + ++runs;
        List<String> fields = new ArrayList<>(List.of(id, String.valueOf(instances)));
        fields.addAll(toolArgs);
        ChildJvm started = jvm();
        started.tell(String.join("\t", fields));
        String finished = started.awaitLine(line -> line.startsWith(PerfToolMain.FINISHED + id + " "), TIMEOUT);
        if (!finished.endsWith(PerfToolMain.OK)) {
            throw started.failure("failed in run " + runName);
        }
        return PerfToolMain.outputOf(started.output(), id);
    }

    private ChildJvm jvm() {
        if (jvm == null) {
            ChildJvm.Spec spec = ChildJvm.Spec.mainClass(name, paths.classPath(), PerfToolMain.class.getName(),
                    List.of(tool.name())).withJvmOptions(jvmOptions);
            jvm = ChildJvm.start(spec, paths.workDirectory());
        }
        return jvm;
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
            jvm = null;
        }
    }
}
