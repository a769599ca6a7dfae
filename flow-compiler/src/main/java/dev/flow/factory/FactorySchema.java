package dev.flow.factory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema of factory files, for editors; published as {@code docs/factory.schema.json}. */
public final class FactorySchema {
  private FactorySchema() {}

  /** The schema document's text. */
  public static String text() {
    try (InputStream in = FactorySchema.class.getResourceAsStream("factory.schema.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
