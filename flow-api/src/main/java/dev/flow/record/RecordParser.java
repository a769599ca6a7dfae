package dev.flow.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns the bytes a record arrives in into an indexed root object: the fast scanners first, the
 * full Jackson parser for input they refuse (which then decides, and gives the error message).
 */
final class RecordParser {
  private RecordParser() {}

  /** Validates {@code b} as one JSON object and indexes it, or throws InvalidRecordException. */
  static LazyObject parseChecked(byte[] b) {
    try {
      return new LazyObject(b, JsonValidator.validate(b));
    } catch (JsonValidator.Failure f) {
      if (f.kind == JsonValidator.Kind.UNUSUAL) {
        return canonical(jacksonParse(b));
      }
      ObjectNode tree;
      try {
        tree = jacksonParse(b); // stricter than Jackson here: other encodings, lenient UTF-8
      } catch (InvalidRecordException e) {
        throw new InvalidRecordException(message(f), e);
      }
      return canonical(tree);
    }
  }

  private static String message(JsonValidator.Failure f) {
    String at = f.offset < 0 ? "" : " at offset " + f.offset;
    if (f.kind == JsonValidator.Kind.SHAPE) {
      return f.getMessage() + at;
    }
    return "not valid JSON: " + f.getMessage() + at;
  }

  /** Indexes {@code b} without validating it; only input the scanner refuses is fully parsed. */
  static LazyObject indexUnchecked(byte[] b) {
    int s = 0;
    while (s < b.length && (b[s] == ' ' || b[s] == '\n' || b[s] == '\r' || b[s] == '\t')) {
      s++;
    }
    if (s < b.length) {
      ObjectIndex idx = JsonScanner.index(b, s, b.length - s);
      if (idx != null) {
        return new LazyObject(b, idx);
      }
    }
    return canonical(jacksonParse(b));
  }

  /** A root over the bytes Jackson writes for {@code tree}. */
  static LazyObject canonical(ObjectNode tree) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectIndex idx = JsonScanner.index(bytes, 0, bytes.length);
    if (idx == null) {
      throw new IllegalStateException("cannot index the JSON Jackson wrote");
    }
    return new LazyObject(bytes, idx);
  }

  /** The full Jackson parse of a document that must be one JSON object. */
  static ObjectNode jacksonParse(byte[] utf8) {
    try (JsonParser p = Json.MAPPER.createParser(utf8)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new InvalidRecordException("empty input where a JSON object was expected");
      }
      if (t != JsonToken.START_OBJECT) {
        throw new InvalidRecordException(
            "expected a JSON object but found "
                + describe(t)
                + " at offset "
                + p.currentTokenLocation().getByteOffset());
      }
      ObjectNode node = Json.MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new InvalidRecordException(
            "trailing content after the JSON object at offset "
                + p.currentTokenLocation().getByteOffset());
      }
      return node;
    } catch (InvalidRecordException e) {
      throw e;
    } catch (IOException e) {
      String at = "";
      if (e instanceof JsonProcessingException j && j.getLocation() != null) {
        at = " at offset " + j.getLocation().getByteOffset();
      }
      throw new InvalidRecordException("not valid JSON: " + shortMessage(e) + at, e);
    }
  }

  /** Jackson's message without the source excerpt it appends. */
  static String shortMessage(IOException e) {
    if (e instanceof JsonProcessingException j) {
      return j.getOriginalMessage();
    }
    String msg = String.valueOf(e.getMessage());
    int cut = msg.indexOf("\n at [Source");
    return cut > 0 ? msg.substring(0, cut) : msg;
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }
}
