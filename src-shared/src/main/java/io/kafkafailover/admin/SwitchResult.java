package io.kafkafailover.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Answer of {@code POST /admin/pclusters/v1/pcluster/{pcluster}/switch?to={target}}.
 * Scripts written for Conduktor Gateway read {@code message}, which is always {@value #MESSAGE}.
 *
 * @param switchedAt        ISO-8601 instant at which {@code active} took effect
 * @param connectionsClosed client connections closed so that clients reconnect to {@code active}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SwitchResult(String message, String pcluster, String active, String previous, String switchedAt,
                           int connectionsClosed) {

    public static final String MESSAGE = "Cluster switched";

    public static SwitchResult switched(String pcluster, String active, String previous, Instant switchedAt,
                                        int connectionsClosed) {
        return new SwitchResult(MESSAGE, pcluster, active, previous, switchedAt.toString(), connectionsClosed);
    }
}
