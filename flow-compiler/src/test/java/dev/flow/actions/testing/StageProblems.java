package dev.flow.actions.testing;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.validate.FlowValidator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problems the validator reports for one stage's props, as {@code file:line:col: ...} lines.
 * The props are written from line 10 of {@code f.yaml}, each line indented by six spaces, so a prop
 * written first on its line has its key at column 7.
 */
public final class StageProblems {

  private StageProblems() {}

  /** The problems of a transform or publisher stage "s", fed by an Inline Records trigger. */
  public static List<String> of(String action, String props) {
    return problems(
        """
        name: f
        stages:
          - name: in
            action: Inline Records
            props: {records: [{a: 1}]}
            out: [s]
          - name: s
            action: %s
            props:
        %s
            out: [out]
          - name: out
            action: Trash
        """
            .formatted(action, indent(props)));
  }

  /** The problems of a trigger stage "s" that feeds a Trash publisher. */
  public static List<String> ofTrigger(String action, String props) {
    return problems(
        """
        name: f
        description: a trigger and a publisher
        stages:
          - name: out
            action: Trash
            out: []
          - name: s
            action: %s
            props:
        %s
            out: [out]
        """
            .formatted(action, indent(props)));
  }

  private static String indent(String props) {
    return props.lines().map(l -> "      " + l).collect(Collectors.joining("\n"));
  }

  private static List<String> problems(String yaml) {
    return new FlowValidator(FlowCompiler.registry())
        .validate(new FlowParser().parse(yaml, "f.yaml")).problems().stream()
            .map(Problem::format)
            .toList();
  }
}
