package dev.flow.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table every scenario adds its rows to, and the one-line summary printed last. */
public final class Report {
  /** One line of the table. */
  public record Row(String scenario, String variant, String figure, String ratios, String note) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> summary = new ArrayList<>();

  public void row(String scenario, String variant, String figure, String ratios, String note) {
    rows.add(new Row(scenario, variant, figure, ratios, note == null ? "" : note));
  }

  /** Adds {@code key=value} to the summary line, under the scenario's tag. */
  public void summary(String token) {
    summary.add(token);
  }

  public List<Row> rows() {
    return rows;
  }

  /** Prints the table as Markdown, so it can be pasted into BENCHMARKS.md as is. */
  public void printTable(PrintStream out) {
    out.println("| scenario | variant | result | ratios | note |");
    out.println("|---|---|---|---|---|");
    for (Row r : rows) {
      out.printf("| %s | %s | %s | %s | %s |%n", r.scenario, r.variant, r.figure, r.ratios, r.note);
    }
  }

  public String summaryLine() {
    return String.join(" ", summary);
  }

  /** Formats a ratio with two significant decimals. */
  public static String ratio(double r) {
    return String.format(Locale.ROOT, r >= 10 ? "%.1f" : "%.2f", r);
  }

  /** Formats a rate as records per second. */
  public static String rate(double r) {
    return String.format(Locale.ROOT, "%,.0f rec/s", r);
  }
}
