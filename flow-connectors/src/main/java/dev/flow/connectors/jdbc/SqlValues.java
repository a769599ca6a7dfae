package dev.flow.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Converts values read from JDBC into JSON. */
final class SqlValues {
  private SqlValues() {}

  static JsonNode toJson(Object v) throws SQLException {
    if (v == null) {
      return Json.NODES.nullNode();
    }
    if (v instanceof String s) {
      return Json.NODES.textNode(s);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return Json.NODES.numberNode(((Number) v).intValue());
    }
    if (v instanceof Long l) {
      return Json.NODES.numberNode(l);
    }
    if (v instanceof BigDecimal d) {
      return Json.NODES.numberNode(d);
    }
    if (v instanceof BigInteger b) {
      return Json.NODES.numberNode(b);
    }
    if (v instanceof Double || v instanceof Float) {
      return Json.NODES.numberNode(((Number) v).doubleValue());
    }
    if (v instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (v instanceof Timestamp t) {
      return Json.NODES.textNode(t.toInstant().toString());
    }
    if (v instanceof Date d) {
      return Json.NODES.textNode(d.toLocalDate().toString());
    }
    if (v instanceof java.sql.Array a) {
      var arr = Json.NODES.arrayNode();
      for (Object o : (Object[]) a.getArray()) {
        arr.add(toJson(o));
      }
      return arr;
    }
    return Json.NODES.textNode(v.toString());
  }
}
