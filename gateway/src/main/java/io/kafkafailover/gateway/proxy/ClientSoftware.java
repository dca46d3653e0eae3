package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client library behind a connection, as it names itself in ApiVersions v3+ (KIP-511). Client
 * libraries answer the same error differently, and the gateway only gives an answer that makes a
 * client change course to a library known to take it safely.
 */
public record ClientSoftware(String name, String version) {
    public static final ClientSoftware UNKNOWN = new ClientSoftware("", "");
    private static final short FIRST_VERSION_WITH_SOFTWARE = 3;
    private static final String JAVA_CLIENT = "apache-kafka-java";
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Reads the name from an ApiVersions request frame; {@link #UNKNOWN} for versions that carry none. */
    public static ClientSoftware fromApiVersionsRequest(ByteBuf frame, short apiVersion) {
        if (apiVersion < FIRST_VERSION_WITH_SOFTWARE) {
            return UNKNOWN;
        }
        ApiVersionsRequestData request = (ApiVersionsRequestData) RequestCodec.decodeBody(frame, ApiKeys.API_VERSIONS, apiVersion);
        return new ClientSoftware(request.clientSoftwareName(), request.clientSoftwareVersion());
    }

    /** Whether this is Apache Kafka's Java client of version {@code major.minor} or later. */
    public boolean isJavaClientFrom(int major, int minor) {
        if (!JAVA_CLIENT.equals(name)) {
            return false;
        }
        Matcher matcher = MAJOR_MINOR.matcher(version);
        if (!matcher.find()) {
            return false;
        }
        int actualMajor = Integer.parseInt(matcher.group(1));
        int actualMinor = Integer.parseInt(matcher.group(2));
        return actualMajor > major || actualMajor == major && actualMinor >= minor;
    }
}
