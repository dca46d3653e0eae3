package io.kafkafailover.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated set of backend clusters: exactly one named {@value ClusterConfig#MAIN}, any number
 * of others. Immutable. See {@link ClusterValidator} for the rules that construction enforces.
 *
 * <p>Equality ignores declaration order: two sets are equal when they hold equal clusters, so
 * that the file form and the environment form of the same configuration compare equal.
 */
public final class ClusterConfigs {

    private final Map<String, ClusterConfig> byName;

    /**
     * @param clusters in declaration order
     * @throws ClusterConfigException naming the cluster and key of the first rule broken
     */
    public ClusterConfigs(Collection<ClusterConfig> clusters) {
        Map<String, ClusterConfig> ordered = new LinkedHashMap<>();
        for (ClusterConfig cluster : clusters) {
            if (ordered.putIfAbsent(cluster.name(), cluster) != null) {
                throw new ClusterConfigException(cluster.name(), "name", "declared more than once");
            }
        }
        ClusterValidator.validate(ordered);
        Map<String, ClusterConfig> mainFirst = new LinkedHashMap<>();
        mainFirst.put(ClusterConfig.MAIN, ordered.get(ClusterConfig.MAIN));
        mainFirst.putAll(ordered);
        this.byName = Collections.unmodifiableMap(mainFirst);
    }

    public ClusterConfig main() {
        return byName.get(ClusterConfig.MAIN);
    }

    public Optional<ClusterConfig> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Main first, then the others in declaration order. */
    public List<ClusterConfig> all() {
        return List.copyOf(byName.values());
    }

    /** The clusters that may be switched to besides main: those with the failover role. */
    public List<ClusterConfig> failovers() {
        List<ClusterConfig> failovers = new ArrayList<>();
        for (ClusterConfig cluster : byName.values()) {
            if (cluster.hasRole(ClusterConfig.ROLE_FAILOVER)) {
                failovers.add(cluster);
            }
        }
        return List.copyOf(failovers);
    }

    /** Cluster names, main first, then in declaration order. */
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterConfigs that && byName.equals(that.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "ClusterConfigs" + byName.values();
    }
}
