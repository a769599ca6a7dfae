package dev.flow.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.parse.ParameterSets;
import dev.flow.record.NestedHint;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NestedHintsTest {

  static ValidatedFlow flow(String yaml) {
    ValidatedFlow v =
        FlowCompiler.validateText(
            yaml, "f.yaml", ParameterSets.empty(), UnaryOperator.identity(), false);
    assertThat(v.problems()).isEmpty();
    return v;
  }

  static NestedHint hintOf(ValidatedFlow v, String trigger) {
    ResolvedStage t = v.stages().stream().filter(s -> s.name().equals(trigger)).findFirst().get();
    return NestedHints.after(t, v.stages());
  }

  @Test
  void theObjectsTheRecordStagesAfterATriggerEditAreTheHint() {
    ValidatedFlow v =
        flow(
            """
            name: hints
            stages:
              - name: in
                action: Inline Records
                props:
                  records: [{id: 1}]
                out: [remap]
              - name: remap
                action: Remap Fields
                props:
                  drop: [debug, device.os]
                  rename: {user.id: customerId, user.country: country}
                out: [keep]
              - name: keep
                action: Filter
                props:
                  condition: id > 0
                out: [tag]
              - name: tag
                action: Remap Fields
                props:
                  set: {meta.source: inline}
                out: [drop]
              - name: drop
                action: Trash
                props: {}
            """);
    assertThat(hintOf(v, "in").names()).containsExactly("device", "user", "meta");
  }

  @Test
  void aFlowThatEditsOnlyTopLevelFieldsHasNoHint() {
    ValidatedFlow v =
        flow(
            """
            name: flat
            stages:
              - name: in
                action: Inline Records
                props:
                  records: [{id: 1}]
                out: [remap]
              - name: remap
                action: Remap Fields
                props:
                  drop: [debug]
                out: [drop]
              - name: drop
                action: Trash
                props: {}
            """);
    assertThat(hintOf(v, "in")).isNull();
  }
}
