package dev.flow.actions.reduce;

import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/** Props of the {@code Reduce} action. */
public record ReduceOptions(
    @Prop(description = "An expression whose value keys the windows.", example = "customer")
        Expression key,
    @Prop(description = "A field path whose value keys the windows, instead of key.")
        FieldPath keyField,
    @Prop(
            description =
                "Output field → aggregate: count, count(expr), sum(expr), min(expr), max(expr),"
                    + " avg(expr), first(expr), last(expr), collectList(expr), collectSet(expr),"
                    + " distinctCount(expr), maxBy(compared, kept), minBy(compared, kept). maxBy"
                    + " and minBy give the list of kept values of the records whose compared value"
                    + " is the largest (smallest): one value, or several when they tie.",
            required = true,
            example = "{orders: count, total: sum(amount), buyers: distinctCount(customer)}")
        Map<String, String> aggregates,
    @Prop(description = "The window kind: tumbling, sliding or session.", defaultValue = "tumbling")
        WindowKind window,
    @Prop(
            description = "The length of tumbling and sliding windows.",
            defaultValue = "1m",
            min = "1ms")
        Duration size,
    @Prop(description = "How often a sliding window starts.", min = "1ms") Duration slide,
    @Prop(description = "The inactivity that closes a session window.", min = "1ms") Duration gap,
    @Prop(
            description =
                "A field with the event time (epoch milliseconds or ISO-8601 text); windows use"
                    + " event time when set, processing time otherwise.")
        FieldPath timeField,
    @Prop(
            description = "How late, at most, a record may arrive behind the newest event time.",
            defaultValue = "5s")
        Duration maxOutOfOrderness,
    @Prop(
            description =
                "After this long without records an input is idle and stops holding back time; 0"
                    + " means never.",
            defaultValue = "1m")
        Duration idleTimeout,
    @Prop(
            description = "How long after a window closes late records still update it.",
            defaultValue = "0s")
        Duration allowedLateness,
    @Prop(
            description =
                "Where records too late for their window go: error (the error stage) or branch"
                    + " (the stage named by lateStage).",
            defaultValue = "error")
        LateRecords lateRecords,
    @Prop(
            description =
                "The stage, listed in this stage's out, that gets the late records when"
                    + " lateRecords is branch; the other out stages get the window results.")
        String lateStage,
    @Prop(description = "The output field holding the key.", defaultValue = "key") String keyName)
    implements Serializable {

  /** The window kinds. */
  public enum WindowKind {
    TUMBLING,
    SLIDING,
    SESSION
  }

  /** Where late records go. */
  public enum LateRecords {
    ERROR,
    BRANCH
  }
}
