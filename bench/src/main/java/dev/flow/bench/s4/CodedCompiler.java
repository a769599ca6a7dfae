package dev.flow.bench.s4;

import dev.flow.bench.actions.BenchCountPublisher;
import dev.flow.bench.actions.BenchEventsTrigger;
import dev.flow.bench.actions.CodedFlow;
import dev.flow.bench.s1.JavaStages;
import dev.flow.spi.FlowSettings;
import dev.flow.translate.FlowTranslator;
import dev.flow.validate.ValidatedFlow;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Translates a chain built in code (no YAML, no validation), so that only {@link FlowTranslator}
 * and Flink's graph building are timed.
 */
public final class CodedCompiler implements Compiler {

  @Override
  public String describe() {
    return "translate + job graph of a coded chain (no YAML parse or validation)";
  }

  @Override
  public Times compile(int stages) throws Exception {
    CodedFlow b =
        new CodedFlow("chain-" + stages, FlowSettings.defaults())
            .then("events", new BenchEventsTrigger(), new BenchEventsTrigger.Options(1));
    for (int i = 1; i < stages - 1; i++) {
      if (i % 2 == 1) {
        b.then("remap-" + i, new JavaStages.Remap(), new JavaStages.None());
      } else {
        b.then("filter-" + i, new JavaStages.Filter(), new JavaStages.None());
      }
    }
    ValidatedFlow flow =
        b.then("count", new BenchCountPublisher(), new BenchCountPublisher.Options()).build();
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    long t0 = System.nanoTime();
    FlowTranslator.translate(flow, env);
    long t1 = System.nanoTime();
    env.getStreamGraph().getJobGraph();
    long t2 = System.nanoTime();
    return new Times(-1, t1 - t0, t2 - t1);
  }
}
