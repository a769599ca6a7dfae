package dev.flow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.expr.Condition;
import dev.flow.record.FlowRecord;
import dev.flow.spi.Responder;
import java.io.Serializable;
import java.util.List;

/** A test's mock of a service: the first answer whose condition matches the record answers. */
public final class CannedResponder implements Responder {
  private static final long serialVersionUID = 1L;

  /**
   * One canned answer.
   *
   * @param when the condition on the record, or null for any record
   * @param response the service's answer; null for "not found"
   * @param error when not null, the call fails with this message instead
   */
  public record Answer(Condition when, JsonNode response, String error) implements Serializable {}

  private final List<Answer> answers;

  public CannedResponder(List<Answer> answers) {
    this.answers = List.copyOf(answers);
  }

  @Override
  public JsonNode respond(FlowRecord record) {
    for (Answer a : answers) {
      if (a.when() == null || a.when().test(record)) {
        if (a.error() != null) {
          throw new IllegalStateException(a.error());
        }
        return a.response() == null || a.response().isNull() ? null : a.response().deepCopy();
      }
    }
    throw new IllegalStateException("no mock answer matches the record");
  }
}
