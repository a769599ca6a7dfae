package dev.flow.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunIdsTest {

  @Test
  void idsAreThePrefixADashAndTheCounterInBase36() {
    RunIds ids = new RunIds();
    String first = ids.next();
    assertThat(first).matches("[0-9a-f]{12}-1");
    String prefix = first.substring(0, 13);
    // Far enough to carry into a fourth digit (36^3 = 46,656).
    for (long n = 2; n <= 50_000; n++) {
      String id = ids.next();
      if (!id.equals(prefix + Long.toString(n, 36))) {
        assertThat(id).as("id number %d", n).isEqualTo(prefix + Long.toString(n, 36));
      }
    }
  }

  @Test
  void eachGeneratorDrawsItsOwnPrefix() {
    assertThat(new RunIds().next()).isNotEqualTo(new RunIds().next());
  }

  @Test
  void anAssignedIdIsTheNextIdOfTheSameSequence() {
    RunIds ids = new RunIds();
    String first = ids.next();
    String prefix = first.substring(0, 13);
    dev.flow.record.FlowRecord r = dev.flow.record.FlowRecord.empty();
    ids.assign(r);
    assertThat(ids.next()).isEqualTo(prefix + "3");
    assertThat(r.runId()).isEqualTo(prefix + "2");
  }
}
