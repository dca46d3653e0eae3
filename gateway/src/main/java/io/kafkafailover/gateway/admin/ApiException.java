package io.kafkafailover.gateway.admin;

import io.kafkafailover.admin.ApiError;

/** An admin call that cannot be served; it becomes a 4xx answer with an {@link ApiError} body. */
final class ApiException extends RuntimeException {
    private final int status;
    private final ApiError error;

    ApiException(int status, ApiError error) {
        super(error.message());
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    ApiError error() {
        return error;
    }
}
