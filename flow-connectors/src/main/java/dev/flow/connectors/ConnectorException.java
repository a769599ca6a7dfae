package dev.flow.connectors;

import dev.flow.spi.FatalStageException;
import dev.flow.spi.StageContext;

/**
 * A connector could not be set up, e.g. its servers are unreachable. The message names the stage,
 * its action and what failed, and is meant to be shown to the user as it is; it carries no cause,
 * so that tools which print the innermost message print this one. Thrown from a record processor,
 * it fails the job rather than the record.
 */
public class ConnectorException extends FatalStageException {
  private static final long serialVersionUID = 1L;

  public ConnectorException(String message) {
    super(message);
  }

  /** An exception whose message reads {@code stage "orders" (Kafka Trigger): <message>}. */
  public static ConnectorException of(StageContext ctx, String message) {
    return new ConnectorException(
        "stage \"" + ctx.stageName() + "\" (" + ctx.actionName() + "): " + message);
  }
}
