package dev.flow.spi;

/** Where an action reports problems found in its options, located at the prop concerned. */
public interface ValidationContext {

  /** Reports an error at the named prop (or at the stage when {@code prop} is null). */
  void error(String prop, String message);

  /** Reports a warning at the named prop (or at the stage when {@code prop} is null). */
  void warning(String prop, String message);

  /** True when the named prop was written in the flow (not defaulted). */
  boolean isSet(String prop);

  /** The names of the stages this stage's {@code out} lists, in order; empty when it has none. */
  default java.util.List<String> outputs() {
    return java.util.List.of();
  }

  /** The flow-level settings, for checks that depend on them. */
  FlowSettings settings();
}
