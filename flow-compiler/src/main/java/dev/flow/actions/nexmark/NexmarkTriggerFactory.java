package dev.flow.actions.nexmark;

import dev.flow.actions.support.IndexedSource;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The {@code Nexmark} trigger: the three event streams of the Nexmark streaming benchmark (people,
 * auctions and bids in the proportions 1 : 3 : 46), for benchmarks, load tests and demos.
 */
public final class NexmarkTriggerFactory implements TriggerFactory<NexmarkOptions> {

  @Override
  public String name() {
    return "Nexmark";
  }

  @Override
  public String description() {
    return "Emits the events of the Nexmark benchmark: people, auctions and bids in the proportions"
        + " 1 : 3 : 46, with the benchmark's id ranges, hot auctions and bidders, prices and an"
        + " event time that advances with eventsPerSecond. The same seed gives the same events at"
        + " any parallelism. A person has id, name, emailAddress, creditCard, city, state,"
        + " dateTime and extra; an auction has id, itemName, description, initialBid, reserve,"
        + " dateTime, expires, seller, category and extra; a bid has auction, bidder, price,"
        + " channel, url, dateTime and extra. Ids start at 1000, prices are in cents, dateTime"
        + " and expires are ISO-8601 instants, and each record's event time is its dateTime.";
  }

  @Override
  public Class<NexmarkOptions> optionsClass() {
    return NexmarkOptions.class;
  }

  @Override
  public Optional<StageState> state(NexmarkOptions o) {
    return Optional.of(StageState.of("the number of events emitted so far"));
  }

  @Override
  public void validate(NexmarkOptions o, ValidationContext ctx) {
    if (o.streams() == null || o.streams().isEmpty()) {
      ctx.error("streams", "at least one stream is needed: person, auction or bid");
    }
    if (!(o.eventsPerSecond() > 0) || Double.isInfinite(o.eventsPerSecond())) {
      ctx.error(
          "eventsPerSecond", "eventsPerSecond must be more than 0, got " + o.eventsPerSecond());
    }
  }

  @Override
  public boolean isBounded(NexmarkOptions o) {
    return o.count() > 0;
  }

  @Override
  public DataStream<FlowRecord> create(NexmarkOptions o, TriggerContext ctx) {
    IndexedSource.Builder source =
        IndexedSource.builder(new NexmarkRecords(o)).ratePerSecond(o.rate());
    if (o.count() > 0) {
      source.count(o.count());
    } else {
      source.unbounded();
    }
    return ctx.fromSource(source.build());
  }
}
