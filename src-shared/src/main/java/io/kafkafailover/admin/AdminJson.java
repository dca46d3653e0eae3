package io.kafkafailover.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON settings of the admin API, shared so that server and clients agree. */
public final class AdminJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // a newer gateway may add fields; older clients must still read its answers
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AdminJson() {
    }

    /** Thread-safe and shared: do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
