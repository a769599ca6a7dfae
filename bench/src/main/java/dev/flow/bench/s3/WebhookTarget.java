package dev.flow.bench.s3;

import java.net.URI;

/** Something that accepts JSON POSTs on loopback: the bare JDK server, or a Flow webhook flow. */
public interface WebhookTarget extends AutoCloseable {

  /** A short name for the table. */
  String name();

  /** Starts accepting requests and returns the URL to POST to. */
  URI start() throws Exception;

  @Override
  void close() throws Exception;
}
