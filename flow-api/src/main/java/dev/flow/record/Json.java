package dev.flow.record;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The shared, configured Jackson mapper for record payloads. */
public final class Json {
  /** Thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().build().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(500).maxStringLength(64 << 20).build());
  }

  public static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  private Json() {}
}
