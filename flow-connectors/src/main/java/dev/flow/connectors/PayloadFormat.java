package dev.flow.connectors;

/** How a trigger turns a message's bytes into a record payload. */
public enum PayloadFormat {
  /** The bytes are a JSON object and become the payload as they are. */
  JSON,
  /** The bytes are UTF-8 text, put into one string field of the payload. */
  STRING,
  /** The bytes are anything, put into one field of the payload as base64. */
  BYTES
}
