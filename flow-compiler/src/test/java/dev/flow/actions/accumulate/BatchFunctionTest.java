package dev.flow.actions.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.TestOptions;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The batch operator under Flink's keyed test harness: time limits, snapshots and restore. */
class BatchFunctionTest {

  private static KeyedOneInputStreamOperatorTestHarness<String, FlowRecord, FlowRecord> harness(
      String props) throws Exception {
    AccumulateOptions o = TestOptions.of(AccumulateOptions.class, props);
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new BatchFunction(o)),
            r -> r.get("k").asText(),
            Types.STRING);
    h.setup(
        FlowRecordTypeInfo.INSTANCE.createSerializer(
            new org.apache.flink.api.common.serialization.SerializerConfigImpl()));
    return h;
  }

  private static FlowRecord rec(String k, int id) {
    return FlowRecord.parseJson(("{\"k\":\"" + k + "\",\"id\":" + id + "}").getBytes());
  }

  private static List<String> out(
      KeyedOneInputStreamOperatorTestHarness<String, FlowRecord, FlowRecord> h) {
    return h.extractOutputValues().stream()
        .map(r -> r.toJson().replaceAll(",\"firstTime\":\"[^\"]+\",\"lastTime\":\"[^\"]+\"", ""))
        .toList();
  }

  @Test
  void maxWaitClosesABatchAndARestoredOperatorKeepsOpenBatches() throws Exception {
    var h = harness("{maxRecords: 10, maxWait: 1s}");
    h.open();
    h.setProcessingTime(0);
    h.processElement(rec("a", 1), 0);
    h.setProcessingTime(500);
    h.processElement(rec("a", 2), 0);
    h.processElement(rec("b", 3), 0);
    OperatorSubtaskState snapshot = h.snapshot(1, 600);
    h.setProcessingTime(1000);
    assertThat(out(h))
        .containsExactly(
            "{\"items\":[{\"k\":\"a\",\"id\":1},{\"k\":\"a\",\"id\":2}],\"count\":2,\"key\":\"a\"}");
    h.close();

    // A restart from the snapshot finds both open batches and their timers.
    var restored = harness("{maxRecords: 10, maxWait: 1s}");
    restored.initializeState(snapshot);
    restored.open();
    restored.setProcessingTime(1600);
    assertThat(out(restored))
        .containsExactlyInAnyOrder(
            "{\"items\":[{\"k\":\"a\",\"id\":1},{\"k\":\"a\",\"id\":2}],\"count\":2,\"key\":\"a\"}",
            "{\"items\":[{\"k\":\"b\",\"id\":3}],\"count\":1,\"key\":\"b\"}");
    restored.close();
  }

  @Test
  void endOfInputFlushesOpenBatches() throws Exception {
    var h = harness("{maxRecords: 10, maxWait: 0s}");
    h.open();
    h.processElement(rec("a", 1), 0);
    h.processWatermark(Long.MAX_VALUE);
    assertThat(out(h))
        .containsExactly("{\"items\":[{\"k\":\"a\",\"id\":1}],\"count\":1,\"key\":\"a\"}");
    h.close();
  }
}
