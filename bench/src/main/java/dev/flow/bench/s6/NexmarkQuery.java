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
public record NexmarkQuery(String id, String title, String flow, String sql, List<String> fields) {

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
