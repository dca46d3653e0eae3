package io.kafkafailover.gateway.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the active-cluster file and reports each change of its content. Polling rather than a
 * WatchService: the kubelet updates a mounted ConfigMap by swapping a symlink, which file watchers
 * miss. Only changes count, so that a switch made through the API is not undone by a file that
 * still names the old cluster.
 */
public final class ActiveClusterFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveClusterFileWatcher.class);

    private final Path file;
    private final Consumer<String> onChange;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gateway-active-cluster-file");
        thread.setDaemon(true);
        return thread;
    });
    private Optional<String> lastSeen;
    private String lastFailure;

    public ActiveClusterFileWatcher(Path file, Duration interval, Consumer<String> onChange) {
        this.file = file;
        this.onChange = onChange;
        this.lastSeen = readQuietly();
        scheduler.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        Optional<String> current = readQuietly();
        if (current.isPresent() && !current.equals(lastSeen)) {
            LOG.debug("Active-cluster file {} now names '{}'", file, current.get());
            try {
                onChange.accept(current.get());
                lastSeen = current;
                lastFailure = null;
            } catch (RuntimeException e) {
                // lastSeen stays, so the next poll tries again: the file states what is wanted
                if (!e.getMessage().equals(lastFailure)) {
                    LOG.warn("Active-cluster file {} names '{}', but the switch did not happen (retrying): {}",
                            file, current.get(), e.getMessage());
                }
                lastFailure = e.getMessage();
            }
        }
    }

    private Optional<String> readQuietly() {
        try {
            return ActiveClusterFile.read(file);
        } catch (GatewayConfigException e) {
            LOG.warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
