package dev.flow.connectors;

import dev.flow.spi.StageContext;

/**
 * A connector could not be set up, e.g. its servers are unreachable. The message names the stage,
 * its action and what failed, and is meant to be shown to the user as it is.
 */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception whose message reads {@code stage "orders" (Kafka): <message>}. */
  public static ConnectorException of(StageContext ctx, String message, Throwable cause) {
    return new ConnectorException(
        "stage \"" + ctx.stageName() + "\" (" + ctx.actionName() + "): " + message, cause);
  }
}
