package dev.flow.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.TransientStageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** A processor run with a retry: what is tried again, from which record, and what is emitted. */
class RetryingProcessorTest {

  private static final Retry FAST = new Retry(3, Duration.ofMillis(1), Duration.ofMillis(2));

  private final List<String> out = new ArrayList<>();
  private final Collector<FlowRecord> sink =
      new Collector<>() {
        @Override
        public void collect(FlowRecord r) {
          out.add(r.toJson());
        }

        @Override
        public void close() {}
      };

  /** Changes the record and emits a partial result, then fails the first {@code failures} tries. */
  private static final class Flaky implements RecordProcessor {
    final int failures;
    final Exception error;
    final List<String> seen = new ArrayList<>();

    Flaky(int failures, Exception error) {
      this.failures = failures;
      this.error = error;
    }

    @Override
    public void process(FlowRecord record, Collector<FlowRecord> out) throws Exception {
      seen.add(record.runId() + " " + record.meta() + " " + record.toJson());
      record.set(FieldPath.parse("tries"), IntNode.valueOf(seen.size()));
      record.runId("changed").metaForWrite().put("key", "changed");
      out.collect(FlowRecord.ofJsonBytes("{\"partial\":true}".getBytes(StandardCharsets.UTF_8)));
      if (seen.size() <= failures) {
        throw error;
      }
      out.collect(record);
    }
  }

  private static FlowRecord record(String json) {
    return FlowRecord.ofJsonBytes(json.getBytes(StandardCharsets.UTF_8)).runId("run-1");
  }

  private void run(RecordProcessor p, FlowRecord r) throws Exception {
    RecordProcessor wrapped = RetryingProcessor.wrap(p, FAST);
    wrapped.open(null);
    wrapped.process(r, sink);
  }

  @Test
  void aTransientFailureIsTriedAgainFromTheRecordAsItCameAndOnlyTheLastTryIsEmitted()
      throws Exception {
    Flaky p = new Flaky(2, new TransientStageException("busy"));
    FlowRecord r = record("{\"id\":1}");
    r.metaForWrite().put("key", "k");
    run(p, r);
    assertThat(p.seen)
        .containsExactly(
            "run-1 {\"key\":\"k\"} {\"id\":1}",
            "run-1 {\"key\":\"k\"} {\"id\":1}",
            "run-1 {\"key\":\"k\"} {\"id\":1}");
    assertThat(out).containsExactly("{\"partial\":true}", "{\"id\":1,\"tries\":3}");
  }

  @Test
  void aRecordThatFailsEveryTrySaysHowManyTriesItHad() {
    Flaky p = new Flaky(9, new IOException("connection reset"));
    assertThatThrownBy(() -> run(p, record("{\"id\":1}")))
        .hasMessage("connection reset (after 3 attempts)");
    assertThat(p.seen).hasSize(3);
    assertThat(out).isEmpty();
  }

  @Test
  void aFailureThatIsNotTransientIsNotTriedAgain() {
    Flaky p = new Flaky(9, new IllegalArgumentException("field 'x' is not a number"));
    assertThatThrownBy(() -> run(p, record("{\"id\":1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'x' is not a number");
    assertThat(p.seen).hasSize(1);
    assertThat(out).isEmpty();
  }

  @Test
  void aProcessorThatCannotFailTransientlyRunsUnwrappedAndItsFailureIsNotRetried()
      throws Exception {
    List<FlowRecord> seen = new ArrayList<>();
    RecordProcessor pure =
        new RecordProcessor() {
          @Override
          public boolean mayFailTransiently() {
            return false;
          }

          @Override
          public void process(FlowRecord record, Collector<FlowRecord> out) {
            seen.add(record);
            throw new IllegalStateException("a bug in the stage");
          }
        };
    assertThat(RetryingProcessor.wrap(pure, FAST)).isSameAs(pure);
    FlowRecord r = record("{\"id\":3}");
    assertThatThrownBy(() -> run(pure, r)).hasMessage("a bug in the stage");
    assertThat(seen).containsExactly(r);
    assertThat(RetryingProcessor.wrap(new Flaky(0, new IOException("x")), FAST))
        .isInstanceOf(RetryingProcessor.class);
  }

  @Test
  void aProcessorThatOnlyReadsIsTriedAgainWithTheSameRecord() throws Exception {
    List<FlowRecord> seen = new ArrayList<>();
    RecordProcessor reads =
        new RecordProcessor() {
          @Override
          public boolean changesRecord() {
            return false;
          }

          @Override
          public void process(FlowRecord record, Collector<FlowRecord> out) throws IOException {
            seen.add(record);
            if (seen.size() == 1) {
              throw new IOException("timed out");
            }
            out.collect(record);
          }
        };
    FlowRecord r = record("{\"id\":2}");
    run(reads, r);
    assertThat(seen).containsExactly(r, r);
    assertThat(out).containsExactly("{\"id\":2}");
  }

  @Test
  void aRecordChangedAsATreeIsRestoredFromItsCopy() throws Exception {
    Flaky p = new Flaky(1, new TransientStageException("busy"));
    FlowRecord r = record("{\"id\":3}");
    r.asObjectNodeForWrite().put("tree", true);
    run(p, r);
    assertThat(p.seen)
        .containsExactly(
            "run-1 null {\"id\":3,\"tree\":true}", "run-1 null {\"id\":3,\"tree\":true}");
    assertThat(out).containsExactly("{\"partial\":true}", "{\"id\":3,\"tree\":true,\"tries\":2}");
  }
}
