package dev.flow.actions.nexmark;

import dev.flow.actions.nexmark.NexmarkModel.Auction;
import dev.flow.actions.nexmark.NexmarkModel.Bid;
import dev.flow.actions.nexmark.NexmarkModel.Event;
import dev.flow.actions.nexmark.NexmarkModel.Person;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes a Nexmark event as a JSON object with the benchmark's field names and {@code dateTime} /
 * {@code expires} as ISO-8601 UTC text with milliseconds. The generated strings hold only letters,
 * digits, spaces and URL characters, so nothing needs escaping.
 */
final class NexmarkJson {
  private final StringBuilder sb = new StringBuilder(512);
  private long cachedDay = Long.MIN_VALUE;
  private String cachedDate;

  /** The event as JSON bytes; with {@code typed}, a first field {@code type} names its stream. */
  byte[] write(Event e, boolean typed) {
    sb.setLength(0);
    sb.append('{');
    if (typed) {
      sb.append("\"type\":\"").append(e.kind().name().toLowerCase(java.util.Locale.ROOT));
      sb.append("\",");
    }
    if (e instanceof Person p) {
      num("id", p.id()).str("name", p.name()).str("emailAddress", p.emailAddress());
      str("creditCard", p.creditCard()).str("city", p.city()).str("state", p.state());
      time("dateTime", p.dateTime()).str("extra", p.extra());
    } else if (e instanceof Auction a) {
      num("id", a.id()).str("itemName", a.itemName()).str("description", a.description());
      num("initialBid", a.initialBid()).num("reserve", a.reserve());
      time("dateTime", a.dateTime()).time("expires", a.expires());
      num("seller", a.seller()).num("category", a.category()).str("extra", a.extra());
    } else if (e instanceof Bid b) {
      num("auction", b.auction()).num("bidder", b.bidder()).num("price", b.price());
      str("channel", b.channel()).str("url", b.url()).time("dateTime", b.dateTime());
      str("extra", b.extra());
    }
    sb.setCharAt(sb.length() - 1, '}');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private NexmarkJson num(String name, long v) {
    sb.append('"').append(name).append("\":").append(v).append(',');
    return this;
  }

  private NexmarkJson str(String name, String v) {
    sb.append('"').append(name).append("\":\"").append(v).append("\",");
    return this;
  }

  private NexmarkJson time(String name, long millis) {
    sb.append('"').append(name).append("\":\"");
    appendInstant(millis);
    sb.append("\",");
    return this;
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, the form Instant.toString gives when millis are set. */
  private void appendInstant(long millis) {
    long day = Math.floorDiv(millis, 86_400_000L);
    if (day != cachedDay) {
      cachedDay = day;
      cachedDate = LocalDate.ofEpochDay(day) + "T";
    }
    int ms = (int) Math.floorMod(millis, 86_400_000L);
    sb.append(cachedDate);
    two(ms / 3_600_000).append(':');
    two(ms / 60_000 % 60).append(':');
    two(ms / 1000 % 60).append('.');
    int frac = ms % 1000;
    sb.append((char) ('0' + frac / 100)).append((char) ('0' + frac / 10 % 10));
    sb.append((char) ('0' + frac % 10)).append('Z');
  }

  private StringBuilder two(int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
