package dev.flow.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FlowSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes error records on to the error stage and counts them in a sliding window of one-second
 * buckets; past {@code settings.errors.maxCount} or {@code maxRate} it fails the job with a message
 * that names the budget and the stage that failed most. Runs with parallelism 1, so it sees every
 * error record of the job.
 */
final class ErrorBudgetFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final Integer maxCount;
  private final Double maxRate;
  private final long windowMillis;
  private transient ArrayDeque<Bucket> buckets;
  private transient long inWindow;

  /** The error records of one second, by stage. */
  private static final class Bucket {
    final long second;
    final Map<String, Long> byStage = new HashMap<>();
    long total;

    Bucket(long second) {
      this.second = second;
    }
  }

  ErrorBudgetFunction(FlowSettings.Errors errors) {
    this.maxCount = errors.maxCount();
    this.maxRate = errors.maxRate();
    Duration w = errors.window() == null ? Duration.ofMinutes(1) : errors.window();
    this.windowMillis = Math.max(1000, w.toMillis());
  }

  @Override
  public void processElement(FlowRecord error, Context ctx, Collector<FlowRecord> out) {
    if (buckets == null) {
      buckets = new ArrayDeque<>();
    }
    long second = System.currentTimeMillis() / 1000;
    long oldest = second - windowMillis / 1000 + 1;
    while (!buckets.isEmpty() && buckets.peekFirst().second < oldest) {
      inWindow -= buckets.pollFirst().total;
    }
    if (buckets.isEmpty() || buckets.peekLast().second != second) {
      buckets.addLast(new Bucket(second));
    }
    Bucket b = buckets.peekLast();
    b.byStage.merge(stageOf(error), 1L, Long::sum);
    b.total++;
    inWindow++;
    out.collect(error);
    String exceeded = exceeded();
    if (exceeded != null) {
      throw new ErrorBudgetExceededException(message(exceeded));
    }
  }

  /** The budget that {@code inWindow} is past, or null. */
  private String exceeded() {
    if (maxCount != null && inWindow > maxCount) {
      return "settings.errors.maxCount: " + maxCount;
    }
    if (maxRate != null && inWindow > maxRate * (windowMillis / 1000.0)) {
      return "settings.errors.maxRate: " + format(maxRate) + " per second";
    }
    return null;
  }

  private String message(String budget) {
    Map<String, Long> byStage = new HashMap<>();
    for (Bucket b : buckets) {
      b.byStage.forEach((k, v) -> byStage.merge(k, v, Long::sum));
    }
    Map.Entry<String, Long> most =
        byStage.entrySet().stream()
            .max(
                Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .orElseThrow();
    return "the error budget is spent: "
        + inWindow
        + " error records within "
        + DurationText.of(windowMillis)
        + ", past "
        + budget
        + "; stage '"
        + most.getKey()
        + "' failed most, "
        + most.getValue()
        + " of "
        + inWindow;
  }

  private static String stageOf(FlowRecord error) {
    JsonNode s = error.asObjectNode().get("stage");
    return s == null || s.isNull() ? "?" : s.asText();
  }

  private static String format(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** A window's length as the flow file would write it: 90s, 5m, 2h. */
  static final class DurationText {
    private DurationText() {}

    static String of(long millis) {
      long s = millis / 1000;
      if (s % 3600 == 0) {
        return s / 3600 + "h";
      }
      if (s % 60 == 0) {
        return s / 60 + "m";
      }
      return s + "s";
    }
  }
}
