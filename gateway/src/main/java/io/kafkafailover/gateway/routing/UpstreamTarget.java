package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where one client connection's upstream goes: a cluster and the addresses to try, in order, and
 * the switch generation it was chosen in.
 */
public record UpstreamTarget(ClusterConfig cluster, long generation, List<InetSocketAddress> candidates, String description) {
}
