package io.kafkafailover.admin;

import java.util.Optional;

/**
 * A failed admin API call: either the gateway answered with a non-2xx status (then
 * {@link #statusCode()} is that status and {@link #error()} its body), or it could not be reached
 * or did not answer in time (then {@link #statusCode()} is {@value #NO_RESPONSE} and the cause says why).
 */
public class GatewayAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    public static final int NO_RESPONSE = -1;

    private final int statusCode;
    private final transient ApiError error;

    public GatewayAdminException(String message, int statusCode, ApiError error, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.error = error;
    }

    public int statusCode() {
        return statusCode;
    }

    public Optional<ApiError> error() {
        return Optional.ofNullable(error);
    }

    /** True when no answer arrived, so the call may be retried. */
    public boolean isNoResponse() {
        return statusCode == NO_RESPONSE;
    }
}
