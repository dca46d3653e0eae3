package io.kafkafailover.bench.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerClustersTest {

    @Test
    void aTopicsPartitionDirectoriesAreFoundLiveAndDeleted() {
        assertThat(BrokerClusters.isPartitionDirectory("bench-produce-r1-direct-0", "bench-produce-r1-direct")).isTrue();
        assertThat(BrokerClusters.isPartitionDirectory("bench-produce-r1-direct-5.9f3c2a7e1b8d4c6fa0e1d2c3b4a59687-delete",
                "bench-produce-r1-direct")).isTrue();
    }

    @Test
    void anotherTopicWithTheSamePrefixIsNotTheTopic() {
        assertThat(BrokerClusters.isPartitionDirectory("bench-produce-r1-direct-0", "bench-produce-r1")).isFalse();
        assertThat(BrokerClusters.isPartitionDirectory("bench-produce-r10-direct-0", "bench-produce-r1")).isFalse();
        assertThat(BrokerClusters.isPartitionDirectory("t-1-0", "t")).isFalse();
        assertThat(BrokerClusters.isPartitionDirectory("__cluster_metadata-0", "t")).isFalse();
    }
}
