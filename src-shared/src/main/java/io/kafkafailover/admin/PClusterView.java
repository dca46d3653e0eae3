package io.kafkafailover.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Answer of {@code GET /admin/pclusters/v1/pcluster/{name}}: which cluster serves the physical
 * cluster {@code name} ({@code main}) now.
 *
 * @param switchedAt ISO-8601 instant of the last switch, null when it never switched
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PClusterView(String name, String active, String switchedAt, List<ClusterView> clusters) {

    public PClusterView {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
    }
}
