package dev.flow.actions.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.TestOptions;
import dev.flow.record.FlowRecord;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.FlowRun;
import dev.flow.testing.StageHarness;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Nexmark trigger in real flows on a MiniCluster: exact records for a seed. */
class NexmarkITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @Test
  void aSeededCountGivesTheSameExactRecordsAtParallelismTwo() throws Exception {
    FlowRun.run(
        Path.of("src/test/resources/flows/actions/nexmark.yaml"), "nexmark", Set.of("print"));
    // Two readers interleave their halves; at 1000 events/s every event has its own millisecond.
    List<String> out =
        FlowRun.payloads("nexmark", "print").stream()
            .sorted(Comparator.comparing(NexmarkITCase::dateTime))
            .toList();
    // One person, three auctions, then bids, ids from 1000. Seller 1000 is the hot seller (three
    // auctions in four); bidder 1001 is the hot bidder (three bids in four). A bid goes to auction
    // 1002, the hot one, one time in two, else to one among the auctions so far and the next ten.
    assertThat(out)
        .containsExactly(
            "{\"type\":\"person\",\"id\":1000,\"name\":\"Kate Noris\",\"emailAddress\":\"pyghiuz@evyhw.com\",\"creditCard\":\"7064 0853 2387 3064\",\"city\":\"San Francisco\",\"state\":\"OR\",\"dateTime\":\"2026-01-01T00:00:00.000Z\"}",
            "{\"type\":\"auction\",\"id\":1000,\"itemName\":\"mkwdipkdkwxqvvjeoztb\",\"initialBid\":70612,\"reserve\":102412,\"dateTime\":\"2026-01-01T00:00:00.001Z\",\"expires\":\"2026-01-01T00:00:00.954Z\",\"seller\":1000,\"category\":13}",
            "{\"type\":\"auction\",\"id\":1001,\"itemName\":\"jfjxcteljoxyzyucrpeq\",\"initialBid\":157082,\"reserve\":6831896,\"dateTime\":\"2026-01-01T00:00:00.002Z\",\"expires\":\"2026-01-01T00:00:00.885Z\",\"seller\":1006,\"category\":12}",
            "{\"type\":\"auction\",\"id\":1002,\"itemName\":\"swfznzdoggijcvctdzzj\",\"initialBid\":46896,\"reserve\":49213,\"dateTime\":\"2026-01-01T00:00:00.003Z\",\"expires\":\"2026-01-01T00:00:01.079Z\",\"seller\":1006,\"category\":10}",
            "{\"type\":\"bid\",\"auction\":1001,\"bidder\":1001,\"price\":199910,\"channel\":\"Google\",\"url\":\"https://www.nexmark.com/gx/item.htm?query=1\",\"dateTime\":\"2026-01-01T00:00:00.004Z\"}",
            "{\"type\":\"bid\",\"auction\":1011,\"bidder\":1001,\"price\":1553,\"channel\":\"channel-2831\",\"url\":\"https://www.nexmark.com/xzxyy/item.htm?query=1&channel_id=2831\",\"dateTime\":\"2026-01-01T00:00:00.005Z\"}",
            "{\"type\":\"bid\",\"auction\":1002,\"bidder\":1008,\"price\":1741,\"channel\":\"Apple\",\"url\":\"https://www.nexmark.com/ap/item.htm?query=1\",\"dateTime\":\"2026-01-01T00:00:00.006Z\"}",
            "{\"type\":\"bid\",\"auction\":1007,\"bidder\":1001,\"price\":1103,\"channel\":\"channel-8064\",\"url\":\"https://www.nexmark.com/xyzce/item.htm?query=1&channel_id=8064\",\"dateTime\":\"2026-01-01T00:00:00.007Z\"}");
    assertThat(FlowRun.errors("nexmark")).isEmpty();
  }

  @Test
  void unboundedAtARateKeepsNumberingTheChosenStream() throws Exception {
    StreamExecutionEnvironment env = FlowMiniCluster.env(1);
    DataStream<FlowRecord> in =
        new StageHarness(env)
            .trigger(
                "people",
                new NexmarkTriggerFactory(),
                TestOptions.of(NexmarkOptions.class, "{streams: [person], rate: 200, seed: 7}"));
    List<FlowRecord> got = in.executeAndCollect(3);
    assertThat(got).extracting(r -> r.get("id").asLong()).containsExactly(1000L, 1001L, 1002L);
    // Person k is event 50k: 5 ms apart at the default 10,000 events/s of event time.
    assertThat(got)
        .extracting(r -> r.get("dateTime").asText())
        .containsExactly(
            "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.005Z", "2026-01-01T00:00:00.010Z");
  }

  private static String dateTime(String json) {
    int i = json.indexOf("\"dateTime\":\"") + 12;
    return json.substring(i, json.indexOf('"', i));
  }
}
