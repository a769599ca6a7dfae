package dev.flow.job;

import dev.flow.FlowCompiler;
import dev.flow.translate.CompiledFlow;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The entry point of the cluster jar: {@code flink run flow-job.jar --flow x.yaml [--params
 * p.yaml]}. The flow is validated before anything is submitted; problems are printed as by {@code
 * flow validate} and the job is not submitted.
 */
public final class FlowJob {
  private FlowJob() {}

  public static void main(String[] args) throws Exception {
    String flow = null;
    List<String> params = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--flow" -> flow = value(args, ++i, "--flow");
        case "--params" -> params.add(value(args, ++i, "--params"));
        default -> usage("unknown argument '" + args[i] + "'");
      }
    }
    if (flow == null) {
      usage("--flow is required");
    }
    ValidatedFlow validated = FlowCompiler.validate(flow, params, false);
    if (!validated.problems().isEmpty()) {
      ProblemPrinter.printText(validated.problems(), System.err);
    }
    if (validated.hasErrors()) {
      throw new InvalidFlowException(validated);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CompiledFlow compiled = FlowCompiler.translate(validated, env);
    env.execute(compiled.jobName());
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      usage(flag + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    throw new IllegalArgumentException(
        problem + "\nusage: flink run flow-job.jar --flow FLOW.yaml [--params PARAMS.yaml]...");
  }
}
