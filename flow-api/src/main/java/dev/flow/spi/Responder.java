package dev.flow.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FlowRecord;
import java.io.Serializable;

/**
 * Answers the call a stage makes to an outside service for one record, in place of that service.
 * Tests and previews use it to run a {@link MockableTransform} without the service; the answer goes
 * through the stage's own logic, exactly as a real answer would.
 */
@FunctionalInterface
public interface Responder extends Serializable {

  /**
   * The service's answer to the call the stage makes for {@code record}: for an HTTP call the
   * response body, for a database lookup the rows (an array, or one object for one row). {@code
   * null} means the service has no answer (HTTP 404, no row). Throwing makes the call fail with the
   * exception's message, as a failed call would.
   */
  JsonNode respond(FlowRecord record) throws Exception;
}
