package io.kafkafailover.bench.throughput;

/**
 * What a producer run sends: {@code producers} concurrent producers, each sending
 * {@code recordsPerProducer} records of {@code recordSize} bytes with acks=all, at most
 * {@code recordsPerSecondEach} records per second each (-1: as fast as they can).
 */
public record ProducerLoad(int producers, long recordsPerProducer, int recordSize, double recordsPerSecondEach) {
    public static final double UNTHROTTLED = -1;

    public ProducerLoad withRecordsPerProducer(long records) {
        return new ProducerLoad(producers, records, recordSize, recordsPerSecondEach);
    }

    public long totalRecords() {
        return producers * recordsPerProducer;
    }
}
