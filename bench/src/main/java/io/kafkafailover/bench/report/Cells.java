package io.kafkafailover.bench.report;

import java.util.Locale;

/** Number formats of the report's cells, the same everywhere. */
public final class Cells {

    private Cells() {
    }

    public static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    public static String ratio(double gateway, double direct) {
        return decimal(gateway / direct, 3);
    }

    public static String millis(double micros) {
        return decimal(micros / 1000.0, 2) + " ms";
    }

    public static String addedMillis(double gatewayMicros, double directMicros) {
        double added = (gatewayMicros - directMicros) / 1000.0;
        return (added >= 0 ? "+" : "") + decimal(added, 2) + " ms";
    }

    public static String seconds(double seconds) {
        return decimal(seconds, 2) + " s";
    }

    public static String mib(double mib) {
        return decimal(mib, 1) + " MiB";
    }
}
