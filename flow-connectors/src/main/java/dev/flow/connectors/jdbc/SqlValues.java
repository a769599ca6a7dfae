package dev.flow.connectors.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import org.postgresql.util.PGobject;

/**
 * Converts values read from JDBC into JSON: numbers, text and booleans as such, timestamps with a
 * zone as ISO instants, timestamps without one as ISO local date-times, json and jsonb as nested
 * JSON, bytes as base64, arrays as arrays.
 */
final class SqlValues {
  private SqlValues() {}

  /** Column {@code i} of the current row; throws on a value JSON cannot hold (NaN, bad json). */
  static JsonNode column(ResultSet rs, int i, ResultSetMetaData md) throws SQLException {
    if (md.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
        || "timestamptz".equalsIgnoreCase(md.getColumnTypeName(i))) {
      OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
      return t == null ? Json.NODES.nullNode() : Json.NODES.textNode(t.toInstant().toString());
    }
    if (md.getColumnType(i) == Types.TIMESTAMP) {
      LocalDateTime t = rs.getObject(i, LocalDateTime.class);
      return t == null
          ? Json.NODES.nullNode()
          : Json.NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
    }
    return toJson(rs.getObject(i));
  }

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
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new SQLException(d + " is not a JSON number");
      }
      return Json.NODES.numberNode(d);
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
    if (v instanceof OffsetDateTime t) {
      return Json.NODES.textNode(t.toInstant().toString());
    }
    if (v instanceof TemporalAccessor t) {
      return Json.NODES.textNode(v.toString());
    }
    if (v instanceof byte[] b) {
      return Json.NODES.textNode(Base64.getEncoder().encodeToString(b));
    }
    if (v instanceof PGobject o && ("json".equals(o.getType()) || "jsonb".equals(o.getType()))) {
      if (o.getValue() == null) {
        return Json.NODES.nullNode();
      }
      try {
        return Json.MAPPER.readTree(o.getValue());
      } catch (JsonProcessingException e) {
        throw new SQLException("the " + o.getType() + " value is not valid JSON");
      }
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
