package io.kafkafailover.bench.throughput;

import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child JVM: Kafka's own {@link ProducerPerformance} or {@link ConsumerPerformance}, several
 * instances side by side if asked, started together; run after run, in one JVM that stays up
 * between them. A fresh JVM per run spent most of its CPU compiling the client's code (a producer
 * run about 10 CPU-s against about 3 warm, on two cores), CPU the brokers and the gateway then
 * lacked; clients in production are long-lived and warm. One JVM for all instances also keeps the
 * load generator's JIT and GC threads from multiplying on a small machine.
 *
 * <p>Argument: the {@link Tool}. Standard input: one run per line, its fields separated by tabs:
 * the run's id, the number of instances, then the tool's own arguments, to which each instance
 * adds {@code client.id=bench-<tool>-<n>}. Each run's output lies between {@link #STARTED} and
 * {@link #FINISHED} lines naming its id; the end of the input ends the JVM.
 */
public final class PerfToolMain {
    static final String STARTED = "bench-run-started ";
    static final String FINISHED = "bench-run-finished ";
    static final String OK = " ok";

    /** The tools this JVM can run, each a {@code main} that returns when its run is done. */
    public enum Tool {
        PRODUCER {
            @Override
            void run(String[] args) throws Exception {
                ProducerPerformance.main(args);
            }
        },
        CONSUMER {
            @Override
            void run(String[] args) {
                ConsumerPerformance.main(args);
            }
        };

        abstract void run(String[] args) throws Exception;

        String clientId(int instance) {
            return "bench-" + name().toLowerCase(Locale.ROOT) + "-" + instance;
        }
    }

    private PerfToolMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Tool tool = Tool.valueOf(args[0]);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = input.readLine()) != null) {
            String[] fields = line.split("\t", -1);
            String id = fields[0];
            System.out.println(STARTED + id);
            String[] toolArgs = Arrays.copyOfRange(fields, 2, fields.length);
            Throwable failure = runInstances(tool, Integer.parseInt(fields[1]), toolArgs);
            if (failure != null) {
                failure.printStackTrace(System.out);
            }
            System.out.println(FINISHED + id + (failure == null ? OK : " failed"));
        }
        System.exit(0); // a client's leftover non-daemon thread must not keep the JVM up
    }

    /** The output of the run {@code id}, from the whole output of this JVM. */
    static List<String> outputOf(List<String> output, String id) {
        int started = output.indexOf(STARTED + id);
        int finished = output.indexOf(FINISHED + id + OK);
        if (started < 0 || finished < started) {
            throw new IllegalStateException("No complete output of run " + id);
        }
        return output.subList(started + 1, finished);
    }

    private static Throwable runInstances(Tool tool, int instances, String[] toolArgs) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < instances; n++) {
            String[] own = withClientId(toolArgs, tool.clientId(n));
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    tool.run(own);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "perf-tool-" + n);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return failure.get();
    }

    private static String[] withClientId(String[] args, String clientId) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        int properties = all.indexOf("--command-property");
        if (properties < 0) {
            all.add("--command-property");
            all.add("client.id=" + clientId);
        } else {
            all.add(properties + 1, "client.id=" + clientId);
        }
        return all.toArray(String[]::new);
    }
}
