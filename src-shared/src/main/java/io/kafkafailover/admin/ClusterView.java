package io.kafkafailover.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One backend cluster as the admin API shows it; never carries credentials. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterView(String name, List<String> roles, String bootstrapServers, boolean active) {

    public ClusterView {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
