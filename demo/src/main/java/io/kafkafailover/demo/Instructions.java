package io.kafkafailover.demo;

import java.nio.file.Path;

/** What the demo prints once it is up: every command a newcomer needs, ready to copy. */
final class Instructions {
    private Instructions() {
    }

    static String render(Demo demo) {
        return render(demo.bootstrapServers(), demo.adminUrl(), demo.clusterConfigFile());
    }

    static String render(String bootstrap, String adminUrl, Path clusterConfigFile) {
        String credentials = Demo.ADMIN_USER + ":" + Demo.ADMIN_PASSWORD;
        String switchUrl = adminUrl + "/admin/pclusters/v1/pcluster/main/switch?to=";
        return """

                ==============================================================================
                 kafka-failover demo is running
                ==============================================================================
                 Kafka clusters (127.0.0.1): main = brokers 1,2,3   failover = brokers 101,102
                 Topic %1$s exists on both. The clusters are NOT mirrored, so you can
                 see on which one each record lands.
                 Gateway configuration: %2$s

                 Bootstrap server for your clients:  %3$s

                 Produce and consume through the gateway with kcat:
                   echo 'hello' | kcat -b %3$s -t %1$s -P
                   kcat -b %3$s -t %1$s -C -e -f '%%k %%s (partition %%p, offset %%o)\\n'
                   kcat -b %3$s -L          (brokers and node ids the clients see)

                 ... or with Kafka's console tools:
                   kafka-console-producer.sh --bootstrap-server %3$s --topic %1$s
                   kafka-console-consumer.sh --bootstrap-server %3$s --topic %1$s --from-beginning

                 Switch every client to the failover cluster:
                   curl --request POST '%4$sfailover' --user '%5$s'

                 ... and back to main:
                   curl --request POST '%4$smain' --user '%5$s'

                 Which cluster is active:
                   curl --user '%5$s' '%6$s/admin/pclusters/v1/pcluster/main'

                 A built-in producer now sends one record per second through the gateway.
                 Run the switch command in another terminal and watch the counts.
                 Ctrl-C stops everything and deletes the clusters' data.
                ==============================================================================
                """.formatted(Demo.TOPIC, clusterConfigFile, bootstrap, switchUrl, credentials, adminUrl);
    }
}
