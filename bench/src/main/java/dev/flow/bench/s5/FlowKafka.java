package dev.flow.bench.s5;

import dev.flow.FlowCompiler;
import dev.flow.bench.Variant;
import dev.flow.bench.actions.BenchErrorsPublisherFactory;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.model.Problem;
import dev.flow.validate.ValidatedFlow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * S5 as a Flow flow: the YAML {@code bench/flows/s5-kafka-remap.yaml} (Kafka Trigger → Remap Fields
 * → Kafka Publisher, exactly-once), compiled by {@link FlowCompiler} each round with a parameter
 * set naming that round's broker, topics, group and transactional ids.
 */
final class FlowKafka implements Variant {
  private final KafkaBroker kafka;
  private final String input;
  private final long events;
  private final Path yaml;
  private final Path params;

  FlowKafka(KafkaBroker kafka, String input, long events, Path yaml, Path params) {
    this.kafka = kafka;
    this.input = input;
    this.events = events;
    this.yaml = yaml;
    this.params = params;
  }

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public Result run() throws Exception {
    KafkaRun.Names n = KafkaRun.Names.next(name());
    kafka.createTopic(n.output(), 1);
    Files.createDirectories(params.getParent());
    Files.writeString(
        params,
        String.join(
            "\n",
            "name: s5",
            "parameters:",
            "  bootstrap: \"" + kafka.bootstrapServers() + "\"",
            "  input: " + input,
            "  output: " + n.output(),
            "  group: " + n.group(),
            "  txn: " + n.txn(),
            ""),
        StandardCharsets.UTF_8);
    ValidatedFlow flow = FlowCompiler.validate(yaml.toString(), List.of(params.toString()), false);
    if (flow.hasErrors()) {
      throw new IllegalStateException(
          "the benchmark flow "
              + yaml
              + " is not valid:\n"
              + flow.problems().stream().map(Problem::format).collect(Collectors.joining("\n")));
    }
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    FlowCompiler.translate(flow, env);
    BenchErrorsPublisherFactory.reset();
    long t0 = System.nanoTime();
    JobExecutionResult job = env.execute("S5 flow");
    long wall = System.nanoTime() - t0;
    if (BenchErrorsPublisherFactory.ERRORS.get() > 0) {
      throw new IllegalStateException(BenchErrorsPublisherFactory.ERRORS.get() + " error records");
    }
    return KafkaRun.finish(kafka, job, wall, n.output(), events);
  }
}
