package io.kafkafailover.bench.throughput;

import org.apache.kafka.tools.ProducerPerformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child JVM: several instances of Kafka's own {@link ProducerPerformance} side by side, each with
 * its own producer, started together. One JVM for all of them keeps the load generator's JIT and
 * GC threads from multiplying on a small machine.
 *
 * <p>Arguments: {@code <producers>} then ProducerPerformance's own arguments, to which each
 * instance adds {@code client.id=bench-producer-<n>}.
 */
public final class ProducerPerfMain {

    private ProducerPerfMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int producers = Integer.parseInt(args[0]);
        String[] toolArgs = Arrays.copyOfRange(args, 1, args.length);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < producers; n++) {
            String[] own = withClientId(toolArgs, "bench-producer-" + n);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    ProducerPerformance.main(own);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "producer-performance-" + n);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
        System.exit(0); // a producer's leftover non-daemon thread must not keep the JVM up
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
