package dev.flow.server.deploy.engine;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.parse.ParameterSets;
import dev.flow.validate.FlowValidator;
import dev.flow.validate.ValidatedFlow;
import java.util.List;

/** Validates a request's flow in this process, with the validator {@code flow validate} uses. */
public final class FlowSources {
  private FlowSources() {}

  /** The validated flow, with its parameter sets resolved from the request (no files involved). */
  public static ValidatedFlow validate(JobRequest request) {
    FlowParser parser =
        new FlowParser(
            FlowParser.Options.defaults()
                .withParameters(ParameterSets.of(request.parameterSets())));
    return new FlowValidator(FlowCompiler.registry())
        .validate(parser.parse(request.yaml(), request.fileName()));
  }

  /** The validated flow; refused with its located errors when it has any. */
  public static ValidatedFlow validOrThrow(JobRequest request) throws EngineException {
    ValidatedFlow v = validate(request);
    if (v.hasErrors()) {
      List<Problem> errors = v.problems().stream().filter(Problem::isError).toList();
      throw new EngineException("the flow has errors and was not started", errors);
    }
    return v;
  }
}
