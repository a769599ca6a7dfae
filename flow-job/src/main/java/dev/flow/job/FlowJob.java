package dev.flow.job;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.translate.CompiledFlow;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The entry point of the cluster jar: {@code flink run flow-job.jar --flow x.yaml [--params
 * p.yaml]}. The flow is validated before anything is submitted; problems are printed as by {@code
 * flow validate} and the job is not submitted. When the job restores a savepoint ({@code -s}), the
 * savepoint's state is checked against the flow first (see {@link SavepointCheck}). {@code --flow}
 * and {@code --params} also take http(s) URLs, fetched once before validation (see {@link
 * FetchedFiles}). {@code --report} names the file (or one-time link) of a flow server's {@link
 * ServerReporting}: the flow then reports its runs and error records to that server.
 */
public final class FlowJob {
  private FlowJob() {}

  public static void main(String[] args) throws Exception {
    String flow = null;
    List<String> params = new ArrayList<>();
    String report = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--flow" -> flow = value(args, ++i, "--flow");
        case "--params" -> params.add(value(args, ++i, "--params"));
        case "--report" -> report = value(args, ++i, "--report");
        default -> usage("unknown argument '" + args[i] + "'");
      }
    }
    if (flow == null) {
      usage("--flow is required");
    }
    ValidatedFlow validated;
    ServerReporting reporting = null;
    try (FetchedFiles fetched = new FetchedFiles()) {
      // Fetched files are read once here and deleted: their values live on in the job graph only.
      String local = fetched.localize(flow);
      validated =
          FlowCompiler.validate(local, params.stream().map(fetched::localize).toList(), false);
      if (report != null) {
        reporting = ServerReporting.read(Path.of(fetched.localize(report)));
      }
    }
    if (reporting != null && !validated.hasErrors()) {
      validated = reporting.apply(validated);
    }
    if (!validated.problems().isEmpty()) {
      ProblemPrinter.printText(validated.problems(), System.err);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    boolean embedded = "embedded".equals(env.getConfiguration().get(DeploymentOptions.TARGET));
    if (validated.hasErrors()) {
      if (!embedded) {
        // On the client (flink run): the problems are printed; exit without a stack trace.
        System.err.println("The flow has errors; nothing was submitted.");
        System.exit(1);
      }
      // In application mode the JobManager runs this; failing the application reports why.
      throw new InvalidFlowException(validated);
    }
    CompiledFlow compiled = FlowCompiler.translate(validated, env);
    List<Problem> lost = SavepointCheck.problems(validated, env, System.err);
    if (!lost.isEmpty()) {
      if (!embedded) {
        ProblemPrinter.printText(lost, System.err);
        System.err.println(SavepointCheck.refusal());
        System.exit(1);
      }
      throw new InvalidFlowException(lost, SavepointCheck.refusal());
    }
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
        problem
            + "\nusage: flink run flow-job.jar --flow FLOW.yaml [--params PARAMS.yaml]... [--report R.json]");
  }
}
