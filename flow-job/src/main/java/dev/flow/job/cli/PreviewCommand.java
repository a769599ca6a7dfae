package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.flowtest.TestCase;
import dev.flow.job.ProblemPrinter;
import dev.flow.job.preview.PreviewTable;
import dev.flow.preview.EmbeddedFlink;
import dev.flow.preview.Preview;
import dev.flow.preview.PreviewException;
import dev.flow.preview.PreviewResult;
import dev.flow.spi.StageKind;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow preview}: runs a flow on sample records and shows each stage's records. */
@Command(
    name = "preview",
    description =
        "Run a flow on sample records on an embedded Flink and show every stage's input, output"
            + " and error records. Publishers write nothing.")
final class PreviewCommand implements Callable<Integer> {

  /** The largest --input file read. */
  private static final long MAX_INPUT_BYTES = 256L << 20;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FLOW",
      description = "The flow file (with --case: the test file's flow by default).")
  Path flow;

  @Option(
      names = "--case",
      paramLabel = "TEST.yaml[#NAME]",
      description =
          "Take the input records and the mocks of a test case (the first, or the one named) from"
              + " a test file, with the test file's flow and parameters.")
  String testCase;

  @Option(names = "--params", paramLabel = "FILE", description = "A parameter set file.")
  List<Path> params = new ArrayList<>();

  @Option(
      names = "--input",
      paramLabel = "[STAGE=]FILE",
      description =
          "Sample records, one JSON object a line, that replace a trigger's source; STAGE= names"
              + " the trigger (or feeds another stage) when the flow has several.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Records a trigger without --input reads from its source (default: 10).")
  long limit;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Stop after this long and show what was seen (default: 60).")
  long timeoutSeconds;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table (readable sections) or json (one document).")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("json")) {
      System.err.println("flow preview: --format must be table or json, not '" + format + "'");
      return 2;
    }
    TestCase fromTest = null;
    ValidatedFlow validated;
    if (testCase != null) {
      CaseSource source = CaseSource.read(testCase, flow);
      if (source.error() != null) {
        System.err.print(source.error());
        return 2;
      }
      fromTest = source.testCase();
      validated = source.flow();
    } else if (flow == null) {
      System.err.println("flow preview: give the flow file, or --case with a test file");
      return 2;
    } else {
      validated =
          FlowCompiler.validate(
              flow.toString(), params.stream().map(Path::toString).toList(), false);
    }
    if (!validated.problems().isEmpty()) {
      ProblemPrinter.printText(validated.problems(), System.err);
    }
    if (validated.hasErrors()) {
      return 1;
    }
    Preview preview =
        Preview.of(validated).limit(limit).timeout(Duration.ofSeconds(timeoutSeconds));
    if (fromTest != null) {
      fromTest.applyTo(preview);
    }
    try {
      for (String spec : inputs) {
        addInput(preview, validated, spec);
      }
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("flow preview: " + e.getMessage());
      return 2;
    }
    PreviewResult result;
    try (EmbeddedFlink flink = EmbeddedFlink.start(EmbeddedFlink.slotsFor(validated))) {
      result = preview.run(flink.environment());
    } catch (PreviewException e) {
      System.err.println("flow preview: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      System.err.println("flow preview: the embedded Flink failed: " + e.getMessage());
      return 1;
    }
    SecretMask mask = SecretMask.of(params);
    if (format.equals("json")) {
      System.out.println(mask.apply(result.toJson().toPrettyString()));
    } else {
      java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
      PreviewTable.print(
          result, new java.io.PrintStream(table, true, java.nio.charset.StandardCharsets.UTF_8));
      System.out.print(mask.apply(table.toString(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return 0;
  }

  /** Adds the records of {@code [STAGE=]FILE} to the preview. */
  static void addInput(Preview preview, ValidatedFlow flow, String spec) throws IOException {
    int eq = spec.indexOf('=');
    String stage;
    Path file;
    if (eq > 0 && flow.stage(spec.substring(0, eq)) != null) {
      stage = spec.substring(0, eq);
      file = Path.of(spec.substring(eq + 1));
    } else {
      List<String> triggers =
          flow.stages().stream()
              .filter(s -> s.kind() == StageKind.TRIGGER)
              .map(ResolvedStage::name)
              .toList();
      if (triggers.size() != 1) {
        throw new IllegalArgumentException(
            "the flow has "
                + triggers.size()
                + " triggers ("
                + String.join(", ", triggers)
                + "); name one: --input \"STAGE=FILE\"");
      }
      stage = triggers.get(0);
      file = Path.of(spec);
    }
    String text;
    try {
      text = dev.flow.parse.FileText.readUtf8(file, MAX_INPUT_BYTES);
    } catch (dev.flow.parse.FileText.ReadException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    preview.input(stage, lines);
  }
}
