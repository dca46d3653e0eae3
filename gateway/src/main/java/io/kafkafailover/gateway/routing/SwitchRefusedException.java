package io.kafkafailover.gateway.routing;

/** A switch that was not carried out; nothing changed. */
public final class SwitchRefusedException extends RuntimeException {
    public enum Reason { UNKNOWN_CLUSTER, NOT_A_FAILOVER_TARGET, PREFLIGHT_FAILED }

    private final Reason reason;

    public SwitchRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
