package dev.flow.actions.log;

import dev.flow.spi.Prop;

/**
 * Props of the {@code Log} publisher.
 *
 * @param stream stdout or stderr
 * @param format json, pretty or text
 */
public record LogOptions(
    @Prop(description = "Where to print: stdout or stderr.", defaultValue = "stdout") Stream stream,
    @Prop(
            description =
                "json prints each record as one line of JSON; pretty prints indented JSON; text"
                    + " prints one line with the stage, the run id and the JSON.",
            defaultValue = "json")
        Format format) {

  /** The output stream. */
  public enum Stream {
    STDOUT,
    STDERR
  }

  /** The line format. */
  public enum Format {
    JSON,
    PRETTY,
    TEXT
  }
}
