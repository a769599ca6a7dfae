package dev.flow.actions.nexmark;

import dev.flow.actions.nexmark.NexmarkModel.Auction;
import dev.flow.actions.nexmark.NexmarkModel.Bid;
import dev.flow.actions.nexmark.NexmarkModel.Event;
import dev.flow.actions.nexmark.NexmarkModel.Kind;
import dev.flow.actions.nexmark.NexmarkModel.Person;
import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * The Nexmark event generator, written from the benchmark's rules (Tucker, Tufte, Papadimos and
 * Maier, "NEXMark: a benchmark for queries over data streams"; and the generator's conventions that
 * Flink's and Beam's Nexmark suites share):
 *
 * <ul>
 *   <li>events come in blocks of 50: one person, three auctions, 46 bids, in that order;
 *   <li>person and auction ids start at 1000 and grow with the events; a bid goes to a hot auction
 *       (one of every 2) half of the time and to one of the last 100 auctions otherwise; bidders
 *       and sellers are hot (one of every 4 people) three times out of four, and otherwise among
 *       the last 1000 people;
 *   <li>prices are {@code round(10^(6u) * 100)} for a uniform {@code u}, so they spread over six
 *       orders of magnitude; categories are 10 to 14;
 *   <li>event time starts at {@code baseTime} and advances by {@code 1/eventsPerSecond} per event,
 *       whatever the speed the events are actually produced at.
 * </ul>
 *
 * <p>Event {@code n} depends only on the seed and {@code n}, so any parallel split of the event
 * numbers yields the same events.
 */
public final class NexmarkGenerator implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int PERSON_PROPORTION = 1;
  static final int AUCTION_PROPORTION = 3;
  static final int BID_PROPORTION = 46;
  static final int TOTAL_PROPORTION = PERSON_PROPORTION + AUCTION_PROPORTION + BID_PROPORTION;
  static final long FIRST_PERSON_ID = 1000;
  static final long FIRST_AUCTION_ID = 1000;
  static final long FIRST_CATEGORY_ID = 10;
  static final int NUM_CATEGORIES = 5;
  static final int HOT_AUCTION_RATIO = 2;
  static final int HOT_SELLER_RATIO = 4;
  static final int HOT_BIDDER_RATIO = 4;
  static final int HOT_CHANNEL_RATIO = 2;
  static final int NUM_IN_FLIGHT_AUCTIONS = 100;
  static final int NUM_ACTIVE_PEOPLE = 1000;
  static final int ID_LEAD = 10;
  static final int CHANNELS = 10_000;
  static final int PERSON_SIZE = 200;
  static final int AUCTION_SIZE = 500;
  static final int BID_SIZE = 100;

  private static final String[] FIRST_NAMES = {
    "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"
  };
  private static final String[] LAST_NAMES = {
    "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"
  };
  private static final String[] CITIES = {
    "Phoenix",
    "Los Angeles",
    "San Francisco",
    "Boise",
    "Portland",
    "Bend",
    "Redmond",
    "Seattle",
    "Kent",
    "Cheyenne"
  };
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  private static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  private static final String[] HOT_URLS = {
    "https://www.nexmark.com/gx/item.htm?query=1",
    "https://www.nexmark.com/fb/item.htm?query=1",
    "https://www.nexmark.com/bd/item.htm?query=1",
    "https://www.nexmark.com/ap/item.htm?query=1"
  };

  private final long seed;
  private final long baseTime;
  private final double interEventMicros;

  /**
   * A generator.
   *
   * @param seed the seed of every random choice
   * @param baseTime the event time of event 0, epoch milliseconds
   * @param eventsPerSecond how fast event time advances, in events per second of event time
   */
  public NexmarkGenerator(long seed, long baseTime, double eventsPerSecond) {
    if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException(
          "eventsPerSecond must be positive, got " + eventsPerSecond);
    }
    this.seed = seed;
    this.baseTime = baseTime;
    this.interEventMicros = 1_000_000.0 / eventsPerSecond;
  }

  /** The kind of event number {@code n}. */
  public static Kind kindOf(long n) {
    long offset = n % TOTAL_PROPORTION;
    if (offset < PERSON_PROPORTION) {
      return Kind.PERSON;
    }
    return offset < PERSON_PROPORTION + AUCTION_PROPORTION ? Kind.AUCTION : Kind.BID;
  }

  /** The event time of event {@code n}. */
  public long timeOf(long n) {
    return baseTime + (long) (n * interEventMicros / 1000.0);
  }

  /** Event number {@code n}. */
  public Event event(long n) {
    SplittableRandom rnd = new SplittableRandom(mix(seed, n));
    long time = timeOf(n);
    return switch (kindOf(n)) {
      case PERSON -> person(n, time, rnd);
      case AUCTION -> auction(n, time, rnd);
      case BID -> bid(n, time, rnd);
    };
  }

  private static Person person(long n, long time, SplittableRandom rnd) {
    long id = lastPerson(n) + FIRST_PERSON_ID;
    String name = pick(FIRST_NAMES, rnd) + " " + pick(LAST_NAMES, rnd);
    String email = letters(rnd, 7) + "@" + letters(rnd, 5) + ".com";
    String card =
        digits(rnd, 4) + " " + digits(rnd, 4) + " " + digits(rnd, 4) + " " + digits(rnd, 4);
    String city = pick(CITIES, rnd);
    String state = pick(STATES, rnd);
    int size = 8 + name.length() + email.length() + card.length() + city.length() + 2 + 8;
    return new Person(id, name, email, card, city, state, time, extra(rnd, size, PERSON_SIZE));
  }

  private Auction auction(long n, long time, SplittableRandom rnd) {
    long id = lastAuction(n) + FIRST_AUCTION_ID;
    long seller =
        (rnd.nextInt(HOT_SELLER_RATIO) > 0
                ? (lastPerson(n) / HOT_SELLER_RATIO) * HOT_SELLER_RATIO
                : nextPerson(n, rnd))
            + FIRST_PERSON_ID;
    long category = FIRST_CATEGORY_ID + rnd.nextInt(NUM_CATEGORIES);
    long initialBid = price(rnd);
    long reserve = initialBid + price(rnd);
    long expires = time + auctionLengthMillis(rnd);
    String item = letters(rnd, 20);
    String description = letters(rnd, 100);
    int size = 8 + item.length() + description.length() + 8 * 6;
    return new Auction(
        id,
        item,
        description,
        initialBid,
        reserve,
        time,
        expires,
        seller,
        category,
        extra(rnd, size, AUCTION_SIZE));
  }

  private static Bid bid(long n, long time, SplittableRandom rnd) {
    long auction =
        (rnd.nextInt(HOT_AUCTION_RATIO) > 0
                ? (lastAuction(n) / HOT_AUCTION_RATIO) * HOT_AUCTION_RATIO
                : nextAuction(n, rnd))
            + FIRST_AUCTION_ID;
    long bidder =
        (rnd.nextInt(HOT_BIDDER_RATIO) > 0
                ? (lastPerson(n) / HOT_BIDDER_RATIO) * HOT_BIDDER_RATIO + 1
                : nextPerson(n, rnd))
            + FIRST_PERSON_ID;
    long price = price(rnd);
    String channel;
    String url;
    if (rnd.nextInt(HOT_CHANNEL_RATIO) > 0) {
      int i = rnd.nextInt(HOT_CHANNELS.length);
      channel = HOT_CHANNELS[i];
      url = HOT_URLS[i];
    } else {
      int c = rnd.nextInt(CHANNELS);
      channel = "channel-" + c;
      url = "https://www.nexmark.com/" + letters(rnd, 5) + "/item.htm?query=1&channel_id=" + c;
    }
    int size = 8 * 4 + channel.length() + url.length();
    return new Bid(auction, bidder, price, channel, url, time, extra(rnd, size, BID_SIZE));
  }

  /** The base-0 id of the newest person at event {@code n}. */
  static long lastPerson(long n) {
    long epoch = n / TOTAL_PROPORTION;
    long offset = Math.min(n % TOTAL_PROPORTION, PERSON_PROPORTION - 1);
    return epoch * PERSON_PROPORTION + offset;
  }

  /** The base-0 id of the newest auction at event {@code n}. */
  static long lastAuction(long n) {
    long epoch = n / TOTAL_PROPORTION;
    long offset = n % TOTAL_PROPORTION;
    if (offset < PERSON_PROPORTION) {
      epoch--;
      offset = AUCTION_PROPORTION - 1;
    } else if (offset >= PERSON_PROPORTION + AUCTION_PROPORTION) {
      offset = AUCTION_PROPORTION - 1;
    } else {
      offset -= PERSON_PROPORTION;
    }
    return Math.max(0, epoch * AUCTION_PROPORTION + offset);
  }

  /** A person among the active ones, or a little ahead of the newest. */
  private static long nextPerson(long n, SplittableRandom rnd) {
    long people = lastPerson(n) + 1;
    long active = Math.min(people, NUM_ACTIVE_PEOPLE);
    return people - active + rnd.nextLong(active + ID_LEAD);
  }

  /** An auction among those in flight, or a little ahead of the newest. */
  private static long nextAuction(long n, SplittableRandom rnd) {
    long max = lastAuction(n);
    long min = Math.max(max - NUM_IN_FLIGHT_AUCTIONS, 0);
    return min + rnd.nextLong(max - min + 1 + ID_LEAD);
  }

  /** How long an auction stays open: about as long as it takes to open 100 more auctions. */
  private long auctionLengthMillis(SplittableRandom rnd) {
    double events = (double) NUM_IN_FLIGHT_AUCTIONS * TOTAL_PROPORTION / AUCTION_PROPORTION;
    long horizon = Math.max(1, (long) (events * interEventMicros / 1000.0));
    return 1 + rnd.nextLong(2 * horizon);
  }

  static long price(SplittableRandom rnd) {
    return Math.round(Math.pow(10.0, rnd.nextDouble() * 6.0) * 100.0);
  }

  private static String pick(String[] values, SplittableRandom rnd) {
    return values[rnd.nextInt(values.length)];
  }

  private static String letters(SplittableRandom rnd, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = (char) ('a' + rnd.nextInt(26));
    }
    return new String(c);
  }

  private static String digits(SplittableRandom rnd, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = (char) ('0' + rnd.nextInt(10));
    }
    return new String(c);
  }

  /** Padding that brings an event to about its average size, give or take a fifth. */
  private static String extra(SplittableRandom rnd, int size, int average) {
    int target = average - size;
    if (target <= 0) {
      return "";
    }
    int spread = Math.max(1, target / 5);
    return letters(rnd, Math.max(0, target - spread + rnd.nextInt(2 * spread + 1)));
  }

  /** A well-spread seed for one event (the SplitMix64 finalizer). */
  private static long mix(long seed, long n) {
    long z = seed * 0x9E3779B97F4A7C15L + n + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
