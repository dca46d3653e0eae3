package io.kafkafailover.gateway.failover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One key of a ConfigMap laid out as the kubelet mounts it: {@code <key>} is a symlink to
 * {@code ..data/<key>}, and an update writes a fresh payload directory and swaps the {@code ..data}
 * symlink in one rename. The file's own inode never changes, which is why the gateway polls.
 */
final class MountedConfigMap {
    private static final String DATA = "..data";

    private final Path dir;
    private final String key;
    private int revision;

    MountedConfigMap(Path dir, String key, String content) throws IOException {
        this.dir = dir;
        this.key = key;
        update(content);
        Files.createSymbolicLink(file(), Path.of(DATA, key));
    }

    /** The path a pod's container sees, {@code <mount>/<key>}. */
    Path file() {
        return dir.resolve(key);
    }

    /** What the kubelet does when the ConfigMap changed (or on a periodic resync with the same content). */
    void update(String content) throws IOException {
        Path previous = Files.isSymbolicLink(dir.resolve(DATA)) ? dir.resolve(Files.readSymbolicLink(dir.resolve(DATA))) : null;
        Path payload = Files.createDirectory(dir.resolve("..revision_" + revision++));
        Files.writeString(payload.resolve(key), content + "\n", StandardCharsets.UTF_8);
        Path newLink = Files.createSymbolicLink(dir.resolve(DATA + "_tmp"), payload.getFileName());
        Files.move(newLink, dir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (previous != null) {
            deleteTree(previous);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
