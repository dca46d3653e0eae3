package io.kafkafailover.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Answer of {@code GET /admin/pclusters/v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PClustersView(List<PClusterView> pclusters) {

    public PClustersView {
        pclusters = pclusters == null ? List.of() : List.copyOf(pclusters);
    }
}
