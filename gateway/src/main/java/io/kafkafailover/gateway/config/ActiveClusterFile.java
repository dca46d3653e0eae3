package io.kafkafailover.gateway.config;

import io.kafkafailover.config.ClusterConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one-line state file naming the active cluster. It lets a restarted gateway come back on the
 * cluster it should serve, and lets the operator switch pods it cannot reach through a mounted
 * ConfigMap.
 */
public final class ActiveClusterFile {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveClusterFile.class);

    private ActiveClusterFile() {
    }

    /** The file wins over GATEWAY_ACTIVE_CLUSTER, which wins over {@code main}. */
    static String initialActive(Optional<Path> file, Optional<String> fromEnv, ClusterConfigs clusters) {
        if (file.isPresent()) {
            Optional<String> named = read(file.get());
            if (named.isPresent()) {
                if (clusters.get(named.get()).isPresent()) {
                    return named.get();
                }
                LOG.warn("Active-cluster file {} names unknown cluster '{}' (known: {}); ignoring it",
                        file.get(), named.get(), clusters.names());
            }
        }
        return fromEnv.orElse(clusters.main().name());
    }

    /** The cluster name in the file, or empty when the file is absent or blank. */
    public static Optional<String> read(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).trim();
            return content.isEmpty() ? Optional.empty() : Optional.of(content.lines().findFirst().orElse("").trim());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new GatewayConfigException("GATEWAY_ACTIVE_CLUSTER_FILE", "cannot read " + file + ": " + e.getMessage());
        }
    }
}
