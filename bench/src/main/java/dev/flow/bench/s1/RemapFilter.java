package dev.flow.bench.s1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;

/**
 * The work of scenario S1, written once for each record representation: move {@code user.id} to
 * {@code customerId} and {@code user.country} to {@code country}, drop {@code debug}, then keep the
 * record when {@code amount >= 50}. Every variant does exactly this.
 */
public final class RemapFilter {
  /** A plain mapper, as a hand-written job would use. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  public static final double THRESHOLD = 50.0;

  private static final FieldPath USER_ID = FieldPath.parse("user.id");
  private static final FieldPath USER_COUNTRY = FieldPath.parse("user.country");
  private static final FieldPath CUSTOMER_ID = FieldPath.parse("customerId");
  private static final FieldPath COUNTRY = FieldPath.parse("country");
  private static final FieldPath DEBUG = FieldPath.parse("debug");
  private static final FieldPath AMOUNT = FieldPath.parse("amount");

  private RemapFilter() {}

  /** Remaps {@code n} in place. */
  public static ObjectNode remap(ObjectNode n) {
    ObjectNode user = (ObjectNode) n.get("user");
    n.set("customerId", user.remove("id"));
    n.set("country", user.remove("country"));
    n.remove("debug");
    return n;
  }

  /** The filter. */
  public static boolean keep(ObjectNode n) {
    JsonNode amount = n.get("amount");
    return amount != null && amount.asDouble() >= THRESHOLD;
  }

  /** The same remap on a Flow record, through its field API. */
  public static void remap(FlowRecord r) {
    r.rename(USER_ID, CUSTOMER_ID);
    r.rename(USER_COUNTRY, COUNTRY);
    r.remove(DEBUG);
  }

  /** The same filter on a Flow record. */
  public static boolean keep(FlowRecord r) {
    JsonNode amount = r.get(AMOUNT);
    return amount != null && amount.asDouble() >= THRESHOLD;
  }

  /**
   * The SQL form of the same work, over a table {@code events} with one STRING column {@code j}.
   */
  public static final String SQL =
      "SELECT JSON_OBJECT("
          + " KEY 'id' VALUE JSON_VALUE(j, '$.id'),"
          + " KEY 'ts' VALUE CAST(JSON_VALUE(j, '$.ts') AS BIGINT),"
          + " KEY 'type' VALUE JSON_VALUE(j, '$.type'),"
          + " KEY 'user' VALUE JSON_OBJECT("
          + "   KEY 'tier' VALUE JSON_VALUE(j, '$.user.tier'),"
          + "   KEY 'email' VALUE JSON_VALUE(j, '$.user.email')),"
          + " KEY 'amount' VALUE JSON_VALUE(j, '$.amount' RETURNING DOUBLE),"
          + " KEY 'currency' VALUE JSON_VALUE(j, '$.currency'),"
          + " KEY 'items' VALUE JSON_QUERY(j, '$.items'),"
          + " KEY 'device' VALUE JSON_OBJECT("
          + "   KEY 'os' VALUE JSON_VALUE(j, '$.device.os'),"
          + "   KEY 'version' VALUE JSON_VALUE(j, '$.device.version')),"
          + " KEY 'customerId' VALUE JSON_VALUE(j, '$.user.id'),"
          + " KEY 'country' VALUE JSON_VALUE(j, '$.user.country'))"
          + " FROM events"
          + " WHERE JSON_VALUE(j, '$.amount' RETURNING DOUBLE) >= 50";
}
