package io.kafkafailover.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run found, and its Markdown form: the results table first, then the
 * machine, then the details behind each number.
 *
 * @param machine   label to value, see {@link Machine#describe()}
 * @param sections  detail sections, each a title and Markdown lines
 */
public record BenchmarkReport(String mode, Instant startedAt, Duration took, Map<String, String> machine,
                              String loadBefore, String loadAfter, List<ResultRow> rows, List<Section> sections) {

    public record Section(String title, List<String> lines) {
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Results (").append(mode).append(" run, ").append(startedAt.truncatedTo(ChronoUnit.SECONDS))
                .append(", ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s)\n\n");
        md.append("| Measurement | Direct to brokers | Through the gateway | Gateway vs direct | Target | Met |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        for (ResultRow row : rows) {
            md.append("| ").append(row.measurement()).append(" | ").append(row.direct()).append(" | ").append(row.gateway())
                    .append(" | ").append(row.comparison()).append(" | ").append(row.target()).append(" | ")
                    .append(row.verdict().cell()).append(" |\n");
        }
        md.append("\n### Machine\n\n| | |\n|---|---|\n");
        machine.forEach((label, value) -> md.append("| ").append(label).append(" | ").append(value).append(" |\n"));
        md.append("| Load average at start (1, 5, 15 min) | ").append(loadBefore).append(" |\n");
        md.append("| Load average at end | ").append(loadAfter).append(" |\n");
        for (Section section : sections) {
            md.append("\n### ").append(section.title()).append("\n\n");
            section.lines().forEach(line -> md.append(line).append('\n'));
        }
        return md.toString();
    }
}
