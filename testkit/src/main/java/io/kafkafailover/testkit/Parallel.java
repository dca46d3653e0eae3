package io.kafkafailover.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** Runs one action per node, each on its own named thread, and waits for all of them. */
final class Parallel {

    private Parallel() {
    }

    /** @throws RuntimeException the first failure, with any others attached as suppressed */
    static void run(String threadNamePrefix, Map<Integer, KafkaNode> nodes, Consumer<KafkaNode> action) {
        ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        nodes.forEach((id, node) -> {
            Thread thread = new Thread(() -> {
                try {
                    action.accept(node);
                } catch (RuntimeException | Error e) {
                    failures.add(new IllegalStateException("Node " + id + ": " + e, e));
                }
            }, threadNamePrefix + id);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        });
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + thread.getName(), e);
            }
        }
        RuntimeException first = failures.poll();
        if (first != null) {
            failures.forEach(first::addSuppressed);
            throw first;
        }
    }
}
