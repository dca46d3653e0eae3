package io.kafkafailover.bench.report;

import java.util.List;

/** What one phase of the benchmark adds to the report: rows of the results table and its details. */
public record PhaseResult(List<ResultRow> rows, BenchmarkReport.Section details) {
}
