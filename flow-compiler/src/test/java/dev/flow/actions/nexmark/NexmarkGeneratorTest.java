package dev.flow.actions.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flow.actions.nexmark.NexmarkModel.Auction;
import dev.flow.actions.nexmark.NexmarkModel.Bid;
import dev.flow.actions.nexmark.NexmarkModel.Event;
import dev.flow.actions.nexmark.NexmarkModel.Kind;
import dev.flow.actions.nexmark.NexmarkModel.Person;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {
  private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private final NexmarkGenerator gen = new NexmarkGenerator(7, BASE, 10_000);

  @Test
  void streamsComeInTheProportionsOneThreeFortySix() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (long n = 0; n < 50_000; n++) {
      counts.merge(gen.event(n).kind(), 1, Integer::sum);
    }
    assertThat(counts).containsEntry(Kind.PERSON, 1000);
    assertThat(counts).containsEntry(Kind.AUCTION, 3000);
    assertThat(counts).containsEntry(Kind.BID, 46000);
  }

  @Test
  void idsGrowFromOneThousandAndBidsReferToExistingOrNearFutureIds() {
    long lastPerson = 999;
    long lastAuction = 999;
    for (long n = 0; n < 20_000; n++) {
      Event e = gen.event(n);
      if (e instanceof Person p) {
        assertThat(p.id()).isEqualTo(lastPerson + 1);
        lastPerson = p.id();
      } else if (e instanceof Auction a) {
        assertThat(a.id()).isEqualTo(lastAuction + 1);
        lastAuction = a.id();
        assertThat(a.category()).isBetween(10L, 14L);
        assertThat(a.reserve()).isGreaterThan(a.initialBid());
        assertThat(a.expires()).isGreaterThan(a.dateTime());
        assertThat(a.seller()).isBetween(1000L, lastPerson + NexmarkGenerator.ID_LEAD);
      } else if (e instanceof Bid b) {
        assertThat(b.auction()).isBetween(1000L, lastAuction + NexmarkGenerator.ID_LEAD);
        assertThat(b.bidder()).isBetween(1000L, lastPerson + NexmarkGenerator.ID_LEAD + 1);
        assertThat(b.price()).isBetween(100L, 100_000_000L);
      }
    }
    assertThat(lastPerson).isEqualTo(999 + 400);
    assertThat(lastAuction).isEqualTo(999 + 1200);
  }

  @Test
  void bidsFavourTheHotAuctionAndBidderAndPricesSpreadOverSixDecades() {
    int bids = 0;
    int hotAuction = 0;
    int hotBidder = 0;
    int[] decades = new int[7];
    for (long n = 0; n < 100_000; n++) {
      if (gen.event(n) instanceof Bid b) {
        bids++;
        long lastAuction = NexmarkGenerator.lastAuction(n);
        long lastPerson = NexmarkGenerator.lastPerson(n);
        if (b.auction() - 1000 == lastAuction / 2 * 2) {
          hotAuction++;
        }
        if (b.bidder() - 1000 == lastPerson / 4 * 4 + 1) {
          hotBidder++;
        }
        decades[(int) Math.floor(Math.log10(b.price() / 100.0))]++;
      }
    }
    assertThat(bids).isEqualTo(92_000);
    // One bid in two goes to the hot auction, three in four come from the hot bidder; the others
    // rarely land on them by chance.
    assertThat(hotAuction / (double) bids).isBetween(0.49, 0.52);
    assertThat(hotBidder / (double) bids).isBetween(0.74, 0.76);
    // price = round(10^(6u) * 100): from 1.00 to 1,000,000.00, a sixth of the bids per decade.
    for (int d = 0; d < 6; d++) {
      assertThat(decades[d] / (double) bids).as("decade %d", d).isBetween(0.16, 0.175);
    }
    assertThat(decades[6]).isLessThanOrEqualTo(1);
  }

  @Test
  void eventTimeAdvancesWithTheRateAndEventsDependOnlyOnSeedAndNumber() {
    assertThat(gen.event(0).dateTime()).isEqualTo(BASE);
    assertThat(gen.event(10_000).dateTime()).isEqualTo(BASE + 1000);
    assertThat(gen.event(12_345)).isEqualTo(new NexmarkGenerator(7, BASE, 10_000).event(12_345));
    assertThat(gen.event(12_345)).isNotEqualTo(new NexmarkGenerator(8, BASE, 10_000).event(12_345));
  }

  @Test
  void chosenStreamsAreNumberedWithoutGaps() {
    NexmarkStreams bids = new NexmarkStreams(List.of(Kind.BID));
    assertThat(bids.eventNumber(0)).isEqualTo(4);
    assertThat(bids.eventNumber(45)).isEqualTo(49);
    assertThat(bids.eventNumber(46)).isEqualTo(54);
    NexmarkStreams people = new NexmarkStreams(List.of(Kind.PERSON, Kind.PERSON));
    assertThat(people.eventNumber(3)).isEqualTo(150);
    assertThat(people.typed()).isFalse();
    NexmarkStreams both = new NexmarkStreams(List.of(Kind.AUCTION, Kind.PERSON));
    assertThat(both.eventNumber(0)).isEqualTo(0);
    assertThat(both.eventNumber(3)).isEqualTo(3);
    assertThat(both.eventNumber(4)).isEqualTo(50);
    assertThat(both.typed()).isTrue();
  }

  @Test
  void jsonHoldsTheBenchmarksFields() throws Exception {
    NexmarkJson json = new NexmarkJson();
    ObjectMapper mapper = new ObjectMapper();
    Bid bid = (Bid) gen.event(4);
    JsonNode b = mapper.readTree(json.write(bid, false));
    assertThat(b.fieldNames())
        .toIterable()
        .containsExactly("auction", "bidder", "price", "channel", "url", "dateTime", "extra");
    assertThat(b.get("price").asLong()).isEqualTo(bid.price());
    assertThat(b.get("dateTime").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
    JsonNode p = mapper.readTree(json.write(gen.event(50_000), true));
    assertThat(p.get("type").asText()).isEqualTo("person");
    assertThat(p.get("id").asLong()).isEqualTo(2000);
    assertThat(p.get("dateTime").asText()).isEqualTo("2026-01-01T00:00:05.000Z");
    JsonNode a = mapper.readTree(json.write(gen.event(123_451), false));
    assertThat(Instant.parse(a.get("dateTime").asText()).toEpochMilli())
        .isEqualTo(gen.timeOf(123_451));
    assertThat(Instant.parse(a.get("expires").asText()).toEpochMilli())
        .isEqualTo(((Auction) gen.event(123_451)).expires());
  }
}
