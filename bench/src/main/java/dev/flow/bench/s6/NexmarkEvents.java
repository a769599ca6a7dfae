package dev.flow.bench.s6;

import dev.flow.actions.nexmark.NexmarkGenerator;
import dev.flow.actions.nexmark.NexmarkModel.Bid;
import dev.flow.actions.nexmark.NexmarkModel.Kind;
import dev.flow.actions.nexmark.NexmarkStreams;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;

/**
 * The bids every S6 variant reads: the same generator, seed, base time and event rate as the bench
 * flows' {@code Bench Nexmark} trigger, so the Flow flows and the SQL queries see the same events.
 */
public final class NexmarkEvents {
  /** The props the bench flows give the trigger; the SQL source uses the same. */
  public static final long SEED = 0;

  public static final String BASE_TIME = "2026-01-01T00:00:00Z";
  public static final double EVENTS_PER_SECOND = 10_000;

  private static volatile long count = 100_000;

  private NexmarkEvents() {}

  /** Bids per round. */
  public static long count() {
    return count;
  }

  static void count(long bids) {
    count = bids;
  }

  /** The columns of the SQL source, in order. */
  public static final String[] COLUMNS = {
    "auction", "bidder", "price", "channel", "url", "dateTimeMs", "extra"
  };

  /** The row type of the SQL source. */
  public static TypeInformation<Row> rowType() {
    return Types.ROW_NAMED(
        COLUMNS,
        Types.LONG,
        Types.LONG,
        Types.LONG,
        Types.STRING,
        Types.STRING,
        Types.LONG,
        Types.STRING);
  }

  /** Makes bid number {@code i} as a row; serializable for the source. */
  static final class Rows
      implements org.apache.flink.util.function.SerializableFunction<Long, Row> {
    private static final long serialVersionUID = 1L;
    private final NexmarkGenerator generator =
        new NexmarkGenerator(SEED, Instant.parse(BASE_TIME).toEpochMilli(), EVENTS_PER_SECOND);
    private final NexmarkStreams bids = new NexmarkStreams(List.of(Kind.BID));

    @Override
    public Row apply(Long i) {
      Bid b = (Bid) generator.event(bids.eventNumber(i));
      return Row.of(
          b.auction(), b.bidder(), b.price(), b.channel(), b.url(), b.dateTime(), b.extra());
    }
  }
}
