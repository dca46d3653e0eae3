package io.kafkafailover.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of every 4xx/5xx answer of the admin API.
 *
 * @param error   a short, stable code for scripts, e.g. {@value #NOT_FOUND}
 * @param message for people
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(String error, String message) {

    public static final String NOT_FOUND = "not_found";
    public static final String BAD_REQUEST = "bad_request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String PREFLIGHT_FAILED = "preflight_failed";
    public static final String INTERNAL_ERROR = "internal_error";

    public static ApiError notFound(String message) {
        return new ApiError(NOT_FOUND, message);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(BAD_REQUEST, message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(UNAUTHORIZED, message);
    }

    public static ApiError preflightFailed(String message) {
        return new ApiError(PREFLIGHT_FAILED, message);
    }
}
