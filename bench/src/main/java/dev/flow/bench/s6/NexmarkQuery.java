package dev.flow.bench.s6;

import java.util.List;

/**
 * One Nexmark query as Flow and Flink SQL express it, and the output fields compared between the
 * two: {@code name} plain, {@code name:time} an instant (ISO text or epoch millis), {@code
 * name:dec} a number compared to three decimals.
 *
 * @param id q0, q1, ...
 * @param title what the query does
 * @param flow the flow's YAML file under bench/flows/
 * @param sql the query over the view {@code bid}
 * @param fields the output fields compared
 */
public record NexmarkQuery(
    String id, String title, String flow, String sql, List<String> fields, boolean updating) {

  /** A query whose SQL result is append-only. */
  public NexmarkQuery(String id, String title, String flow, String sql, List<String> fields) {
    this(id, title, flow, sql, fields, false);
  }

  /** Bids per auction and 10 s window sliding by 2 s, as q5 counts them twice. */
  private static final String HOP_COUNTS =
      "SELECT %scount(*) AS num, window_start AS starttime, window_end AS endtime"
          + " FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND,"
          + " INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end";

  /** The queries Flow can express, with the Nexmark SQL of each. */
  public static List<NexmarkQuery> all() {
    return List.of(
        new NexmarkQuery(
            "q0",
            "pass-through",
            "nexmark-q0.yaml",
            "SELECT auction, bidder, price, dateTime, extra FROM bid",
            List.of("auction", "bidder", "price", "dateTime:time", "extra")),
        new NexmarkQuery(
            "q1",
            "currency conversion",
            "nexmark-q1.yaml",
            "SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid",
            List.of("auction", "bidder", "price:dec", "dateTime:time", "extra")),
        new NexmarkQuery(
            "q2",
            "selection",
            "nexmark-q2.yaml",
            "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0",
            List.of("auction", "price")),
        new NexmarkQuery(
            "q5",
            "hot items",
            "nexmark-q5.yaml",
            "SELECT AuctionBids.auction, AuctionBids.num FROM ("
                + HOP_COUNTS.formatted("auction, ")
                + ") AS AuctionBids JOIN ("
                + "SELECT max(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime FROM ("
                + HOP_COUNTS.formatted("")
                + ") AS CountBids GROUP BY CountBids.starttime, CountBids.endtime) AS MaxBids"
                + " ON AuctionBids.starttime = MaxBids.starttime"
                + " AND AuctionBids.endtime = MaxBids.endtime AND AuctionBids.num >= MaxBids.maxn",
            List.of("auction", "num"),
            true),
        new NexmarkQuery(
            "q7",
            "highest bid",
            "nexmark-q7.yaml",
            "SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra FROM bid B JOIN ("
                + "SELECT MAX(price) AS maxprice, window_end AS dateTime"
                + " FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))"
                + " GROUP BY window_start, window_end) B1 ON B.price = B1.maxprice"
                + " WHERE B.dateTime BETWEEN B1.dateTime - INTERVAL '10' SECOND AND B1.dateTime",
            List.of("auction", "price", "bidder", "dateTime:time", "extra"),
            true),
        new NexmarkQuery(
            "q11",
            "user sessions",
            "nexmark-q11.yaml",
            "SELECT bidder, COUNT(*) AS bid_count,"
                + " SESSION_START(dateTime, INTERVAL '10' SECOND) AS starttime,"
                + " SESSION_END(dateTime, INTERVAL '10' SECOND) AS endtime"
                + " FROM bid GROUP BY bidder, SESSION(dateTime, INTERVAL '10' SECOND)",
            List.of("bidder", "bid_count", "starttime:time", "endtime:time")));
  }
}
