package dev.flow.actions.nexmark;

import java.io.Serializable;

/**
 * The three kinds of Nexmark event, as the benchmark defines them: people registering, auctions
 * opening and bids on them. Field names are the benchmark's; times are epoch milliseconds.
 */
public final class NexmarkModel {
  private NexmarkModel() {}

  /** One generated event: exactly one of its parts is set. */
  public sealed interface Event extends Serializable permits Person, Auction, Bid {
    /** The event's time, epoch milliseconds. */
    long dateTime();

    /** The stream the event belongs to. */
    Kind kind();
  }

  /** The streams of the benchmark. */
  public enum Kind {
    PERSON,
    AUCTION,
    BID
  }

  /** A person who may sell and bid. */
  public record Person(
      long id,
      String name,
      String emailAddress,
      String creditCard,
      String city,
      String state,
      long dateTime,
      String extra)
      implements Event {
    @Override
    public Kind kind() {
      return Kind.PERSON;
    }
  }

  /** An auction opened by a seller. */
  public record Auction(
      long id,
      String itemName,
      String description,
      long initialBid,
      long reserve,
      long dateTime,
      long expires,
      long seller,
      long category,
      String extra)
      implements Event {
    @Override
    public Kind kind() {
      return Kind.AUCTION;
    }
  }

  /** A bid on an auction. */
  public record Bid(
      long auction,
      long bidder,
      long price,
      String channel,
      String url,
      long dateTime,
      String extra)
      implements Event {
    @Override
    public Kind kind() {
      return Kind.BID;
    }
  }
}
