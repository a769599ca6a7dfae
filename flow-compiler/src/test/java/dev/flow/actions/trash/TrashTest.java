package dev.flow.actions.trash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FlowRecord;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

class TrashTest {

  @Test
  void discardsAndCounts() throws Exception {
    SimpleCounter counter = new SimpleCounter();
    TrashSink.Writer w = new TrashSink.Writer(counter);
    for (int i = 0; i < 3; i++) {
      w.write(FlowRecord.empty(), null);
    }
    w.flush(true);
    w.close();
    assertThat(counter.getCount()).isEqualTo(3);
  }
}
