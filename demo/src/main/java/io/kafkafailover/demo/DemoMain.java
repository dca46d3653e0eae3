package io.kafkafailover.demo;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./run-demo}: starts the demo, prints how to use it, and produces one record per second
 * through the gateway until Ctrl-C, which stops everything cleanly.
 */
public final class DemoMain {
    private static final long SEND_INTERVAL_MILLIS = 1_000;
    private static final long STOP_TIMEOUT_SECONDS = 15;

    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicReference<Demo> running = new AtomicReference<>();
        CountDownLatch producerDone = new CountDownLatch(1);
        Thread producerThread = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Demo demo = running.get();
            if (demo == null) {
                return; // still starting: the clusters' temporary directories are left behind
            }
            System.out.println("\nStopping the demo...");
            producerThread.interrupt();
            awaitQuietly(producerDone);
            demo.close();
            System.out.println("Demo stopped; its Kafka data is deleted.");
        }, "demo-shutdown"));

        System.out.println("Starting Kafka clusters 'main' and 'failover' and the gateway...");
        Demo demo;
        try {
            demo = Demo.start(DemoSettings.fromEnvironment(System.getenv()));
        } catch (Throwable e) {
            System.err.println("The demo could not start: " + e);
            if (causedBy(e, BindException.class)) {
                System.err.println("A port it needs is taken (is another demo running?). Move the gateway with, e.g.,"
                        + " GATEWAY_PORT_START=7969 GATEWAY_HTTP_PORT=7888 ./run-demo");
            }
            System.exit(1);
            return;
        }
        running.set(demo);
        System.out.println(Instructions.render(demo));
        try {
            produceUntilInterrupted(demo);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            producerDone.countDown();
            System.exit(1); // Kafka's threads would keep the JVM up; the shutdown hook stops them
        } finally {
            producerDone.countDown();
        }
    }

    private static void produceUntilInterrupted(Demo demo) {
        try (DemoProducer producer = new DemoProducer(demo)) {
            // Thread.interrupted() clears the flag, so that closing the producer is not cut short.
            for (long n = 1; !Thread.interrupted(); n++) {
                long started = System.nanoTime();
                try {
                    System.out.println(producer.send(n).describe());
                } catch (InterruptException e) {
                    throw e; // Ctrl-C, noticed inside the Kafka client
                } catch (ExecutionException | TimeoutException | KafkaException e) {
                    // The demo is about surviving a switch: report a failure and carry on with the next record.
                    System.out.println("order-" + n + " failed: " + rootMessage(e));
                }
                long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                Thread.sleep(Math.max(0, SEND_INTERVAL_MILLIS - elapsedMillis));
            }
        } catch (InterruptedException | InterruptException e) {
            // Ctrl-C: the shutdown hook stops the rest.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
