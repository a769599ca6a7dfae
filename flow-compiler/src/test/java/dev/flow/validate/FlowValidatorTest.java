package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.parse.ParameterSets;
import dev.flow.spi.FlowSettings;
import dev.flow.testactions.CustomTestTransform;
import dev.flow.testactions.TestSinkFactory;
import dev.flow.testactions.TestSourceFactory;
import dev.flow.testactions.TestTransformFactory;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowValidatorTest {

  static final String ERRORS_TO_TEST_SINK = "settings:\n  errors:\n    action: Test Sink\n";

  /** Only the test actions, so messages do not depend on which packaged actions exist. */
  static final FlowValidator VALIDATOR =
      new FlowValidator(
          ActionRegistry.of(
              java.util.List.of(
                  new dev.flow.testactions.TestSourceFactory(),
                  new dev.flow.testactions.TestTransformFactory(),
                  new dev.flow.testactions.TestSinkFactory())));

  /** Validates {@code yaml}; the error stage is the test sink unless the flow has settings. */
  static ValidatedFlow validate(String yaml) {
    String text = yaml.contains("settings:") ? yaml : yaml + ERRORS_TO_TEST_SINK;
    return VALIDATOR.validate(new FlowParser().parse(text, "x.yaml"));
  }

  static List<String> problems(String yaml) {
    return validate(yaml).problems().stream().map(Problem::format).toList();
  }

  @Test
  void validFlowComesOutResolvedAndInTopologicalOrder() {
    ValidatedFlow v =
        validate(
            """
            name: Orders
            stages:
              - name: keep
                action: Test Sink
              - name: lower
                action: test-transform
                props: {field: name, mode: lower, parallelism: 4}
                out: [keep]
              - name: read
                action: Test Origin
                props: {count: 5, interval: 250ms}
                out: [upper, lower]
              - name: upper
                action: Test Transform
                props: {field: name, retry: {maxAttempts: 7}}
                out: [keep]
            """);
    assertThat(v.problems()).isEmpty();
    assertThat(v.stages())
        .extracting(ResolvedStage::name)
        .containsExactly("read", "lower", "upper", "keep");
    assertThat(v.stage("keep").inputs()).containsExactly("lower", "upper");
    assertThat(v.stage("read").inputs()).isEmpty();
    assertThat(v.stage("read").options())
        .isEqualTo(new TestSourceFactory.Options(5, Duration.ofMillis(250), null));
    assertThat(v.stage("lower").parallelism()).isEqualTo(4);
    assertThat(v.stage("upper").parallelism()).isZero();
    assertThat(((TestTransformFactory.Options) v.stage("upper").options()).retry())
        .isEqualTo(new TestTransformFactory.Retry(7, Duration.ofMillis(500)));
    assertThat(v.errorStage().factory()).isInstanceOf(TestSinkFactory.class);
    assertThat(v.errorStage().options()).isEqualTo(new TestSinkFactory.Options("memory", 0));
    assertThat(v.settings().parallelism()).isEqualTo(1);
  }

  @Test
  void validatesAFileFromItsPath() {
    ValidatedFlow v =
        VALIDATOR.validate(Paths.get("src/test/resources/flows/orders.yaml"), new FlowParser());
    assertThat(v.problems()).isEmpty();
    assertThat(v.stages()).extracting(ResolvedStage::name).containsExactly("read", "upper", "keep");
    assertThat(v.settings().checkpointing().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(v.settings().checkpointing().mode())
        .isEqualTo(FlowSettings.Checkpointing.Mode.AT_LEAST_ONCE);
    assertThat(v.errorStage().options()).isEqualTo(new TestSinkFactory.Options("errors", 100));
  }

  @Test
  void duplicateStageNames() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: a, action: Test Source, out: [b]}
                  - {name: b, action: Test Sink}
                  - {name: b, action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:5:12: error: stage \"b\" (Test Sink): another stage on line 4 has the same"
                + " name; stage names must be unique");
  }

  @Test
  void outMustNameAnExistingStage() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [kep, nothing-like-it]}
                  - {name: keep, action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:3:45: error: stage \"read\" (Test Source): 'out' names an unknown stage \"kep\";"
                + " did you mean \"keep\"?",
            "x.yaml:3:50: error: stage \"read\" (Test Source): 'out' names an unknown stage"
                + " \"nothing-like-it\"; stages: read, keep",
            "x.yaml:4:12: error: stage \"keep\" (Test Sink): no stage sends records to this"
                + " publisher; name it in the 'out' of the stage before it");
  }

  @Test
  void cyclesAreNamedInOrder() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [b]}
                  - {name: c, action: Test Transform, props: {field: x}, out: [a, keep]}
                  - {name: a, action: Test Transform, props: {field: x}, out: [b]}
                  - {name: b, action: Test Transform, props: {field: x}, out: [c]}
                  - {name: keep, action: Test Sink}
                  - {name: self, action: Test Transform, props: {field: x}, out: [self]}
                """))
        .containsExactly(
            "x.yaml:4:12: error: stage \"c\" (Test Transform): the stages form a cycle: \"c\" ->"
                + " \"a\" -> \"b\" -> \"c\"; remove one of these 'out' entries",
            "x.yaml:8:12: error: stage \"self\" (Test Transform): the stages form a cycle:"
                + " \"self\" -> \"self\"; remove one of these 'out' entries");
  }

  @Test
  void stagesThatNoTriggerReaches() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                  - {name: b, action: Test Transform, props: {field: x}, out: [c]}
                  - {name: c, action: Test Transform, props: {field: x}, out: [b, d]}
                  - {name: d, action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:5:12: error: stage \"b\" (Test Transform): the stages form a cycle: \"b\" ->"
                + " \"c\" -> \"b\"; remove one of these 'out' entries",
            "x.yaml:7:12: error: stage \"d\" (Test Sink): no trigger's records reach this stage;"
                + " its inputs are not fed by any trigger");
  }

  @Test
  void triggersStartTheFlowAndTakeNoInput() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: t, action: Test Transform, props: {field: x}, out: [keep]}
                  - {name: keep, action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:1:1: error: the flow has no trigger, so nothing starts a run; add a stage whose"
                + " action is a trigger, e.g. Test Source",
            "x.yaml:3:12: error: stage \"t\" (Test Transform): no stage sends records to this"
                + " transform; name it in the 'out' of the stage before it");
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: a, action: Test Source, out: [b]}
                  - {name: b, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink, out: [a]}
                """))
        .containsExactly(
            "x.yaml:3:42: error: stage \"a\" (Test Source): 'out' names \"b\", which is a trigger;"
                + " a trigger takes no input",
            "x.yaml:5:43: error: stage \"keep\" (Test Sink): a publisher has no output, so it"
                + " cannot have 'out'; remove 'out', or send the records on from a transform",
            "x.yaml:5:43: error: stage \"keep\" (Test Sink): 'out' names \"a\", which is a"
                + " trigger; a trigger takes no input");
  }

  @Test
  void deadEndsThatAreNotPublishersAreWarnings() {
    ValidatedFlow v =
        validate(
            """
            name: f
            stages:
              - {name: read, action: Test Source, out: [keep, t]}
              - {name: t, action: Test Transform, props: {field: x}}
              - {name: keep, action: Test Sink}
            """);
    assertThat(v.problems())
        .extracting(Problem::format)
        .containsExactly(
            "x.yaml:4:12: warning: stage \"t\" (Test Transform): this transform has no 'out', so"
                + " its records go nowhere");
    assertThat(v.hasErrors()).isFalse();
    assertThat(v.stages()).extracting(ResolvedStage::name).containsExactly("read", "t", "keep");
  }

  @Test
  void unknownActions() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Sorce, out: [keep]}
                  - {name: keep, action: Kafka}
                """))
        .containsExactly(
            "x.yaml:3:26: error: stage \"read\": unknown action 'Test Sorce'; did you mean 'Test"
                + " Source'?",
            "x.yaml:4:26: error: stage \"keep\": unknown action 'Kafka'; known actions: Test Sink,"
                + " Test Source, Test Transform; a custom action is the full class name of an"
                + " ActionFactory");
  }

  @Test
  void customActionByClassName() {
    ValidatedFlow v =
        validate(
            "name: f\nstages:\n  - {name: read, action: Test Source, out: [c]}\n"
                + "  - {name: c, action: "
                + CustomTestTransform.class.getName()
                + ", props: {factor: 3}, out: [keep]}\n  - {name: keep, action: Test Sink}\n");
    assertThat(v.problems()).isEmpty();
    assertThat(v.stage("c").options()).isEqualTo(new CustomTestTransform.Options(3.0));
  }

  @Test
  void propsAreCheckedWithHints() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - name: read
                    action: Test Source
                    props: {count: many, parallelism: 0}
                    out: [t]
                  - name: t
                    action: Test Transform
                    props:
                      feild: x
                      tags: []
                    out: [keep]
                  - {name: keep, action: Test Sink, props: {parallelism: [2]}}
                """))
        .containsExactly(
            "x.yaml:5:20: error: stage \"read\" (Test Source): prop 'count' must be a whole number,"
                + " found a string ('many')",
            "x.yaml:5:39: error: stage \"read\" (Test Source): prop 'parallelism' must be 1 or"
                + " more, found 0",
            "x.yaml:10:7: error: stage \"t\" (Test Transform): unknown prop 'feild'; did you mean"
                + " 'field'? Known props: field, mode, tags, weights, retry, token, parallelism,"
                + " expectedInput",
            "x.yaml:10:7: error: stage \"t\" (Test Transform): missing required prop 'field'",
            "x.yaml:13:58: error: stage \"keep\" (Test Sink): prop 'parallelism' must be a whole"
                + " number, found a list");
  }

  @Test
  void actionHooksReportAtTheProp() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, props: {parallelism: 0}, out: [t]}
                  - name: t
                    action: Test Transform
                    props:
                      field: x
                      mode: keep-as-is
                      tags: []
                      retry: {}
                    out: [keep]
                  - {name: keep, action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:3:60: error: stage \"read\" (Test Source): prop 'parallelism' must be 1 or"
                + " more, found 0",
            "x.yaml:9:7: error: stage \"t\" (Test Transform): prop 'tags' must not be empty",
            "x.yaml:10:7: warning: stage \"t\" (Test Transform): prop 'retry' has no effect with"
                + " mode keep-as-is");
  }

  @Test
  void theRunsStageMustBeAPublisherWithKnownProps() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  runs: {action: Test Transform, idle: 5s}
                  errors: {action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:6:18: error: the runs stage must be a publisher, and 'Test Transform' is a"
                + " transform");
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  runs:
                    action: Test Sink
                    props: {limt: 3}
                    idle: soon
                  errors: {action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:8:13: error: unknown runs stage prop 'limt'; did you mean 'limit'? Known props:"
                + " target, limit, parallelism, expectedInput, retry",
            "x.yaml:9:11: error: setting 'runs.idle' must be a duration such as 500ms, 10s, 5m,"
                + " 1h or 2d, found a string ('soon')");
  }

  @Test
  void durationsOutsideWhatFlinkAcceptsAreErrorsAtTheirSetting() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  checkpointing: {interval: 0s, timeout: 5ms}
                  restart: {initialDelay: 0s, maxDelay: 0ms, multiplier: 1, resetAfter: 0s}
                  errors: {action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:6:19: error: setting 'checkpointing.interval' must be at least 10ms (the"
                + " shortest checkpoint interval Flink takes), found 0s",
            "x.yaml:6:33: error: setting 'checkpointing.timeout' must be at least 10ms (the"
                + " shortest checkpoint timeout Flink takes), found 5ms",
            "x.yaml:7:13: error: setting 'restart.initialDelay' must be at least 1ms, found 0s",
            "x.yaml:7:31: error: setting 'restart.maxDelay' must be at least 1ms, found 0s",
            "x.yaml:7:46: error: setting 'restart.multiplier' must be more than 1, found 1.0",
            "x.yaml:7:61: error: setting 'restart.resetAfter' must be at least 1ms, found 0s");
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  checkpointing: {enabled: off, interval: 0s}
                  restart: {strategy: failure-rate, failureInterval: 0s, initialDelay: 5s, maxDelay: 1s}
                  errors: {action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:7:37: error: setting 'restart.failureInterval' must be at least 1ms, found"
                + " 0s");
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  restart: {initialDelay: 5s, maxDelay: 1s}
                  errors: {action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:6:31: error: setting 'restart.maxDelay' must be at least 'restart.initialDelay'"
                + " (5s), found 1s");
  }

  @Test
  void settingsAndTheErrorStage() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  paralelism: 2
                  checkpointing: {interval: soon, mode: exactly-one}
                  errors:
                    action: Test Sink
                    props: {targt: x}
                """))
        .containsExactly(
            "x.yaml:6:3: error: unknown setting 'paralelism'; did you mean 'parallelism'? Known"
                + " settings: parallelism, maxParallelism, checkpointing, restart, stateBackend,"
                + " errors, runs",
            "x.yaml:7:29: error: setting 'checkpointing.interval' must be a duration such as"
                + " 500ms, 10s, 5m, 1h or 2d, found a string ('soon')",
            "x.yaml:7:41: error: setting 'checkpointing.mode' must be one of exactly-once,"
                + " at-least-once, found a string ('exactly-one'); did you mean 'exactly-once'?",
            "x.yaml:10:13: error: unknown error stage prop 'targt'; did you mean 'target'? Known"
                + " props: target, limit, parallelism, expectedInput, retry");
    assertThat(
            problems(
                "name: f\nstages:\n  - {name: read, action: Test Source, out: [keep]}\n"
                    + "  - {name: keep, action: Test Sink}\nsettings:\n  errors: {action: Test Transform}\n"))
        .containsExactly(
            "x.yaml:6:20: error: the error stage must be a publisher, and 'Test Transform' is a"
                + " transform");
    assertThat(
            problems(
                "name: f\nstages:\n  - {name: read, action: Test Source, out: [keep]}\n"
                    + "  - {name: keep, action: Test Sink}\nsettings: {}\n"))
        .containsExactly(
            "x.yaml:1:1: error: the default error stage action 'Log' is not available; set"
                + " settings.errors.action to a publisher");
  }

  @Test
  void settingsRulesBeyondTypes() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  parallelism: 0
                  maxParallelism: -1
                  restart: {jitter: 1.5}
                  errors: {action: Test Sink}
                """))
        .containsExactly(
            "x.yaml:6:16: error: setting 'parallelism' must be 1 or more, found 0",
            "x.yaml:7:3: error: setting 'maxParallelism' must be at least 'parallelism' (1), found"
                + " -1",
            "x.yaml:8:21: error: setting 'restart.jitter' must be from 0 to 1, found 1.5");
  }

  @Test
  void problemsThatDoNotDependOnEachOtherComeInOneRun() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, props: {count: many, parallelism: 0}, out: [keep]}
                  - {name: keep, action: Test Sink}
                settings:
                  parallelism: 0
                  checkpointing: {mode: exactly-one}
                  errors: {action: Test Transform, policy: RECORD}
                """))
        .containsExactly(
            "x.yaml:3:54: error: stage \"read\" (Test Source): prop 'count' must be a whole number,"
                + " found a string ('many')",
            "x.yaml:3:73: error: stage \"read\" (Test Source): prop 'parallelism' must be 1 or"
                + " more, found 0",
            "x.yaml:6:16: error: setting 'parallelism' must be 1 or more, found 0",
            "x.yaml:7:25: error: setting 'checkpointing.mode' must be one of exactly-once,"
                + " at-least-once, found a string ('exactly-one'); did you mean 'exactly-once'?",
            "x.yaml:8:20: error: the error stage must be a publisher, and 'Test Transform' is a"
                + " transform",
            "x.yaml:8:44: error: setting 'errors.policy' must be one of original-record,"
                + " stage-record, found a string ('RECORD')");
  }

  @Test
  void parseProblemsAndValidationProblemsComeSortedTogether() {
    assertThat(
            problems(
                """
                name: f
                stages:
                  - {name: read, action: Test Source, out: [keep], colour: red}
                  - {name: keep, action: Tset Sink}
                """))
        .containsExactly(
            "x.yaml:3:52: error: stage \"read\": unknown stage key 'colour'; Known keys: name,"
                + " action, props, out",
            "x.yaml:4:26: error: stage \"keep\": unknown action 'Tset Sink'; did you mean 'Test"
                + " Sink'?");
  }

  @Test
  void parametersBindToNumericPropsAndSecretsStayHidden() {
    ParameterSets sets =
        ParameterSets.of(
            Map.of(
                "p",
                Map.of(
                    "n", new ParameterSets.Parameter("5", false),
                    "pw", new ParameterSets.Parameter("hunter2", true))));
    FlowParser parser = new FlowParser(FlowParser.Options.defaults().withParameters(sets));
    String flow =
        "name: f\nstages:\n  - {name: read, action: Test Source, props: {count: '${p__n}'}, out: [t]}\n"
            + "  - {name: t, action: Test Transform, props: {field: x, token: '${p__pw}', mode: '${p__pw}'}, out: [keep]}\n"
            + "  - {name: keep, action: Test Sink, props: {limit: '${p__pw}'}}\n"
            + ERRORS_TO_TEST_SINK;
    ValidatedFlow v = VALIDATOR.validate(parser.parse(flow, "x.yaml"));
    assertThat(v.problems())
        .extracting(Problem::format)
        .containsExactly(
            "x.yaml:4:82: error: stage \"t\" (Test Transform): prop 'mode' must be one of upper,"
                + " lower, keep-as-is, found a string",
            "x.yaml:5:52: error: stage \"keep\" (Test Sink): prop 'limit' must be a whole number,"
                + " found a string")
        .allSatisfy(m -> assertThat(m).doesNotContain("hunter2"));
    String valid =
        "name: f\nstages:\n  - {name: read, action: Test Source, props: {count: '${p__n}'}, out: [keep]}\n"
            + "  - {name: keep, action: Test Sink, props: {target: '${p__pw}'}}\n"
            + ERRORS_TO_TEST_SINK;
    ValidatedFlow ok = VALIDATOR.validate(parser.parse(valid, "x.yaml"));
    assertThat(ok.problems()).isEmpty();
    assertThat(((TestSourceFactory.Options) ok.stage("read").options()).count()).isEqualTo(5);
    assertThat(((TestSinkFactory.Options) ok.stage("keep").options()).target())
        .isEqualTo("hunter2");
  }

  @Test
  void aThousandStagesValidateInLinearTime() {
    for (int n : new int[] {1000, 2000, 4000}) {
      StringBuilder b = new StringBuilder("name: big\nstages:\n");
      b.append("  - {name: s0, action: Test Source, out: [s1]}\n");
      for (int i = 1; i < n - 1; i++) {
        b.append("  - {name: s")
            .append(i)
            .append(", action: Test Transform, props: {field: f},")
            .append(" out: [s")
            .append(i + 1)
            .append("]}\n");
      }
      b.append("  - {name: s").append(n - 1).append(", action: Test Sink}\n");
      b.append(ERRORS_TO_TEST_SINK);
      FlowParser parser = new FlowParser();
      String text = b.toString();
      validate(text);
      long t0 = System.nanoTime();
      ValidatedFlow v = VALIDATOR.validate(parser.parse(text, "big.yaml"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("parse+validate of %d stages: %d ms%n", n, ms);
      assertThat(v.problems()).isEmpty();
      assertThat(v.stages()).hasSize(n);
      assertThat(v.stages().get(n - 1).inputs()).containsExactly("s" + (n - 2));
    }
  }
}
