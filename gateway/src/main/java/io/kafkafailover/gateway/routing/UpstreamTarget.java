package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where one client connection's upstream goes: a cluster and the addresses to try, in order, and
 * the switch generation it was chosen in. {@code standIn} marks a broker port whose broker the
 * active cluster lacks, served by a bootstrap server so that the client can refresh its metadata.
 */
public record UpstreamTarget(ClusterConfig cluster, long generation, List<InetSocketAddress> candidates, String description,
                             boolean standIn) {

    public UpstreamTarget(ClusterConfig cluster, long generation, List<InetSocketAddress> candidates, String description) {
        this(cluster, generation, candidates, description, false);
    }
}
