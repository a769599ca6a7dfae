package dev.flow.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Conversions between bytes, JSON values and text used by connectors for keys and headers. */
public final class Text {
  private Text() {}

  /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
  public static String utf8OrNull(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** A JSON value as text: a string as it is, anything else as JSON; null for null or absent. */
  public static String of(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }

  /** A plain value (as an expression returns it) as text; null stays null. */
  public static String of(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNode n) {
      return of(n);
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    try {
      return dev.flow.record.Json.MAPPER.writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return v.toString();
    }
  }
}
