package dev.flow.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FlowRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.junit.jupiter.api.Test;

/** How a failure that was retried reads, and how an async function hands on an error record. */
class RetriedFailureTest {

  @Test
  void theMessageSaysHowManyAttemptsThereWereWhenMoreThanOne() {
    assertThat(TransientStageException.afterAttempts("service busy", 3))
        .isEqualTo("service busy (after 3 attempts)");
    assertThat(TransientStageException.afterAttempts("service busy", 2))
        .isEqualTo("service busy (after 2 attempts)");
    assertThat(TransientStageException.afterAttempts("service busy", 1)).isEqualTo("service busy");
  }

  @Test
  void anAsyncResultCompletesWithTheMarkedErrorRecordAlone() {
    List<FlowRecord> completed = new ArrayList<>();
    ResultFuture<FlowRecord> result =
        new ResultFuture<>() {
          @Override
          public void complete(Collection<FlowRecord> records) {
            completed.addAll(records);
          }

          @Override
          public void completeExceptionally(Throwable error) {
            throw new AssertionError(error);
          }
        };
    FlowRecord record = FlowRecord.parseJson("{\"id\":7}".getBytes());
    ErrorRecordFactory errors =
        new ErrorRecordFactory("f", "out", "http-publish", ErrorPolicy.STAGE_RECORD);

    ErrorMarks.completeWithError(result, errors.create(record, "HTTP 500"));

    assertThat(completed).hasSize(1);
    FlowRecord error = completed.get(0);
    assertThat(ErrorMarks.isMarked(error)).isTrue();
    assertThat(error.asObjectNode().get("error").asText()).isEqualTo("HTTP 500");
    assertThat(error.asObjectNode().get("record").toString()).isEqualTo("{\"id\":7}");
    assertThat(ErrorMarks.isMarked(record)).isFalse();
  }
}
