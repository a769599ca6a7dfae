package dev.flow.validate;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FlowSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds one stage's props to its action's options record and the {@link CommonProps}, then runs the
 * action's own {@code validate} hook when the props bound cleanly.
 */
final class StageBinder {

  /** A stage's bound options, its common props, and its factory. */
  record Bound(
      ActionFactory<? extends Record> factory,
      Record options,
      int parallelism,
      dev.flow.jsonschema.ExpectedInput expectedInput,
      dev.flow.retry.Retry retry) {}

  private static final List<String> COMMON = PropSpec.names(CommonProps.class);

  private final FlowSettings settings;

  StageBinder(FlowSettings settings) {
    this.settings = settings;
  }

  /** The bound stage, or null when binding found errors (added to {@code problems}). */
  Bound bind(
      ActionFactory<? extends Record> factory,
      Node.MapNode props,
      Location stageAt,
      String stage,
      String noun,
      List<Problem> problems) {
    return bind(factory, props, stageAt, stage, noun, List.of(), problems);
  }

  /** Like the other bind, for a stage whose {@code out} lists {@code outputs}. */
  Bound bind(
      ActionFactory<? extends Record> factory,
      Node.MapNode props,
      Location stageAt,
      String stage,
      String noun,
      List<String> outputs,
      List<Problem> problems) {
    List<Problem> local = new ArrayList<>();
    String action = factory.name();
    Record options;
    CommonProps common;
    boolean ownRetry;
    boolean optionsOk;
    try {
      OptionsBinder binder = new OptionsBinder(noun, stage, action, local);
      // An action's own prop of a common prop's name (a custom action's 'retry') is the action's.
      List<String> own = PropSpec.names(factory.optionsClass());
      ownRetry = own.contains("retry");
      List<String> alsoCommon = COMMON.stream().filter(n -> !own.contains(n)).toList();
      options = binder.bind(factory.optionsClass(), props, alsoCommon, true);
      optionsOk = options != null && local.stream().noneMatch(Problem::isError);
      common = binder.bind(CommonProps.class, without(props, own), List.of(), false);
    } catch (RuntimeException e) {
      problems.add(
          new Problem(
              stageAt,
              stage,
              action,
              dev.flow.model.Severity.ERROR,
              "action '" + action + "' cannot be used: " + ErrorRecordFactory.describe(e),
              "its options class must be a record of supported prop types"));
      return null;
    }
    StageValidationContext ctx =
        new StageValidationContext(props, stageAt, stage, action, settings, local).outputs(outputs);
    if (common != null) {
      common.check(ctx); // the common props do not depend on the action's own
      if (common.retry() != null && !ownRetry && ctx.isSet("retry")) {
        retryWarning(factory, common.retry(), ctx);
      }
    }
    if (optionsOk) {
      runHook(factory, options, ctx); // the action's hook needs all of its own props bound
    }
    boolean ok = optionsOk && common != null && local.stream().noneMatch(Problem::isError);
    problems.addAll(local);
    if (!ok) {
      return null;
    }
    return new Bound(
        factory,
        options,
        common.parallelism() == null ? 0 : common.parallelism(),
        common.expected(),
        common.retry());
  }

  /** A warning for a {@code retry} prop written where the framework does not apply it. */
  private static void retryWarning(
      ActionFactory<? extends Record> factory,
      dev.flow.retry.Retry retry,
      StageValidationContext ctx) {
    List<String> own = factory.retryProps();
    if (!own.isEmpty()) {
      ctx.warning(
          "retry",
          "prop 'retry' does not apply to "
              + factory.name()
              + ", which retries by its own "
              + (own.size() == 1 ? "prop " : "props ")
              + quotedList(own));
    } else if (retry.retries() && !(factory instanceof dev.flow.spi.RecordTransformFactory)) {
      ctx.warning(
          "retry",
          "prop 'retry' applies to stages that process one record at a time; "
              + factory.name()
              + " does not, and retries by its own props if at all");
    }
  }

  /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
  private static String quotedList(List<String> names) {
    List<String> q = names.stream().map(n -> "'" + n + "'").toList();
    return q.size() == 1
        ? q.get(0)
        : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
  }

  /** {@code props} without the keys in {@code names}. */
  private static Node.MapNode without(Node.MapNode props, List<String> names) {
    if (props == null || names.stream().noneMatch(props.entries()::containsKey)) {
      return props;
    }
    var entries = new java.util.LinkedHashMap<>(props.entries());
    var keys = new java.util.LinkedHashMap<>(props.keyLocations());
    names.forEach(
        n -> {
          entries.remove(n);
          keys.remove(n);
        });
    return new Node.MapNode(entries, keys, props.location());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void runHook(
      ActionFactory<? extends Record> factory, Record options, StageValidationContext ctx) {
    try {
      ((ActionFactory) factory).validate(options, ctx);
    } catch (RuntimeException e) {
      ctx.error(null, "the action's own checks failed: " + ErrorRecordFactory.describe(e));
    }
  }
}
