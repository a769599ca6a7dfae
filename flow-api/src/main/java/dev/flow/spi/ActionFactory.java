package dev.flow.spi;

import java.util.List;
import java.util.Optional;

/**
 * A packaged or custom action that stages can name. Implementations are registered in {@code
 * META-INF/services/dev.flow.spi.ActionFactory} and must have a public no-argument constructor.
 *
 * <p>An action is one factory class and one options record: the factory says what the action is and
 * builds its Flink operators; the options record declares its props with {@link Prop}. Nothing else
 * in Flow needs to change to add an action.
 *
 * <p>Implement one of {@link TriggerFactory}, {@link TransformFactory} or {@link PublisherFactory}
 * rather than this interface directly.
 *
 * @param <O> the options record type
 */
public interface ActionFactory<O extends Record> {

  /** The action's display name, e.g. {@code Remap Fields}. Matched case-, space- and dash-free. */
  String name();

  /** Other names that select this action, e.g. {@code Rename Fields}. */
  default List<String> aliases() {
    return List.of();
  }

  /** Whether the action is a trigger, a transform or a publisher. */
  StageKind kind();

  /** One or two sentences for the action reference. */
  String description();

  /** The options record whose {@link Prop}-annotated components are this action's props. */
  Class<O> optionsClass();

  /**
   * Checks that need more than prop types, e.g. that two props are not both set. Report problems
   * through {@code ctx}; the framework has already checked names, types and required props.
   */
  default void validate(O options, ValidationContext ctx) {}

  /**
   * The action's own props by which it retries transient failures, e.g. {@code retries}, {@code
   * backoff} and {@code maxBackoff} of an I/O action, or empty when it has none. For an action that
   * names some, the framework's common {@code retry} prop does not apply, so that the tries never
   * multiply: the action's props alone decide, and the reference docs and the validator say so. The
   * default, empty, lets the framework retry the records the stage processes one at a time ({@link
   * StageContext#process}).
   */
  default List<String> retryProps() {
    return List.of();
  }

  /**
   * The state a stage with these options keeps in checkpoints and savepoints, or empty when it
   * keeps none. {@code flow diff} and the savepoint check at submission use it to tell which
   * changes to a flow lose state. Override it in every action that keeps state.
   */
  default Optional<StageState> state(O options) {
    return Optional.empty();
  }

  /**
   * The external resources a stage with these options reads and writes: the topic a Kafka trigger
   * reads, the table a JDBC publisher writes. When several flows run together as a factory, a
   * publisher and a trigger that name the same resource join their flows with a data edge, and the
   * factory starts the writer before the reader. Override it in every trigger and publisher that
   * talks to a system another flow could also reach; the default declares nothing.
   */
  default List<Resource> io(O options, IoContext ctx) {
    return List.of();
  }

  /**
   * How a stage with these options changes the fields of its records. A trigger describes the
   * records it emits; a transform what it sets, removes, keeps or renames; a publisher what it
   * writes when it does not write the record as it is (e.g. a mapping of fields to columns). A
   * factory proves with it which fields reach another flow. The default, {@link
   * FieldEffects#UNKNOWN}, proves nothing; a publisher that writes the record as it is returns
   * {@link FieldEffects#UNCHANGED}.
   */
  default FieldEffects fields(O options) {
    return FieldEffects.UNKNOWN;
  }
}
