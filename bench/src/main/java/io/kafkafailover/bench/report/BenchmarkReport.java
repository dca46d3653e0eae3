package io.kafkafailover.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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

    private static final String INTERVAL_COLUMN = Math.round(RoundBootstrap.COVERAGE * 100) + " % of resampled rounds";
    private static final String INTERVAL_NOTE = INTERVAL_COLUMN + ": the comparison recomputed from "
            + String.format(Locale.ROOT, "%,d", RoundBootstrap.RESAMPLES) + " draws of this run's rounds"
            + " (as many as were run, with replacement, each round's direct and through-gateway runs together), and"
            + " the range that the middle " + Math.round(RoundBootstrap.COVERAGE * 100) + " % of those results fall in."
            + " It shows how much the verdict depends on which rounds this machine happened to give. It says nothing"
            + " about a different machine, and another run on this one may differ by more: the machine's state"
            + " drifts between runs. Met: yes where the comparison and that whole range meet the target, no where"
            + " none of them does, not settled where the range reaches both sides of the target (this run's rounds"
            + " do not decide it). The rows without a range (switch, fan-out, memory) are judged by their value.";

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Results (").append(mode).append(" run, ").append(startedAt.truncatedTo(ChronoUnit.SECONDS))
                .append(", ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s)\n\n");
        md.append("| Measurement | Direct to brokers | Through the gateway | Gateway vs direct | ")
                .append(INTERVAL_COLUMN).append(" | Target | Met |\n");
        md.append("|---|---:|---:|---:|---:|---|---|\n");
        for (ResultRow row : rows) {
            md.append("| ").append(row.measurement()).append(" | ").append(row.direct()).append(" | ").append(row.gateway())
                    .append(" | ").append(row.comparison()).append(" | ").append(row.interval()).append(" | ")
                    .append(row.target()).append(" | ").append(row.verdict().cell()).append(" |\n");
        }
        md.append("\n").append(INTERVAL_NOTE).append("\n");
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
