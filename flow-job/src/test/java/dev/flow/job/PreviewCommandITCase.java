package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow preview}: both formats, sample input, and every flow in examples/. */
class PreviewCommandITCase {
  @TempDir Path tmp;

  private Path lines(String... records) throws Exception {
    Path f = tmp.resolve("records-" + records.length + ".jsonl");
    Files.writeString(f, String.join("\n", records) + "\n");
    return f;
  }

  @Test
  void tableFormatShowsStagesWithTheirRecordsAndErrors() throws Exception {
    Path input = lines("{\"email\":\"ada@example.com\"}", "{\"name\":\"Bob\"}");
    CliRunner.Result r =
        CliRunner.run("preview", "../examples/webhook.yaml", "--input", input.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            Preview of "Webhook quick start"

            == form (Webhook, trigger)
              output (2):
                {"email":"ada@example.com"}
                {"name":"Bob"}

            == domain (Map, transform)
              input (2):
                {"email":"ada@example.com"}
                {"name":"Bob"}
              output (1):
                {"email":"ada@example.com","domain":"example.com"}
              errors (1):
                no field 'email' in the record (in expression "email.substring(email.indexOf("@") + 1)" at column 1)
                  record: {"name":"Bob"}

            == print (Log, publisher)
              would write (1):
                {"email":"ada@example.com","domain":"example.com"}
            """);
  }

  @Test
  void jsonFormatIsOneDocument() throws Exception {
    CliRunner.Result r =
        CliRunner.run("preview", "src/test/resources/flows/fan-out.yaml", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertThat(doc.get("flow").asText()).isEqualTo("Fan out");
    assertThat(doc.get("timedOut").asBoolean()).isFalse();
    JsonNode big = doc.get("stages").get(1);
    assertThat(big.get("name").asText()).isEqualTo("big");
    assertThat(big.get("kind").asText()).isEqualTo("transform");
    assertThat(big.get("output").toString()).isEqualTo("[{\"id\":1,\"amount\":150}]");
    assertThat(big.get("errors").toString())
        .isEqualTo(
            "[{\"error\":\"no field 'amount' in the record (in expression \\\"amount > 100\\\" at"
                + " column 1)\",\"record\":{\"id\":3}}]");
  }

  @Test
  void aTestCaseGivesThePreviewItsInputAndMocks() {
    CliRunner.Result r =
        CliRunner.run(
            "preview",
            "--case",
            "../examples/signup-enrichment.test.yaml#a form without an email goes to the error"
                + " stage",
            "--format",
            "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"name\" : \"domain\"")
        .contains("no field 'email' in the record")
        .contains("\"company\" : \"No Email Inc\"");

    CliRunner.Result missing =
        CliRunner.run("preview", "--case", "../examples/signup-enrichment.test.yaml#nope");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .startsWith(
            "flow preview: ../examples/signup-enrichment.test.yaml has no case named 'nope'; cases:"
                + " customers get their report");
  }

  @Test
  void everyExampleCanBePreviewed() throws Exception {
    Path orders = lines("{\"id\":1,\"customer\":{\"name\":\"Ada\",\"email\":\"a@x.org\"}}");
    Path events = lines("{\"user\":{\"name\":\"Ada\",\"email\":\"a@x.org\"}}", "{}");
    List<Path> flows;
    try (Stream<Path> files = Files.list(Path.of("../examples"))) {
      flows =
          files
              .filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".test.yaml"))
              .sorted()
              .toList();
    }
    assertThat(flows).hasSizeGreaterThanOrEqualTo(7);
    for (Path flow : flows) {
      List<String> args = new ArrayList<>(List.of("preview", flow.toString(), "--limit", "3"));
      String name = flow.getFileName().toString();
      if (name.startsWith("signup")) {
        // A database and two services: preview the test case, with its input and mocks.
        args.addAll(List.of("--case", flow.toString().replace(".yaml", ".test.yaml")));
      } else if (name.startsWith("kafka") || name.startsWith("webhook")) {
        args.addAll(List.of("--input", orders.toString()));
      } else if (name.startsWith("kinesis")) {
        args.addAll(List.of("--input", events.toString()));
      }
      CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
      assertThat(r.exitCode()).as(flow + ": " + r.err()).isZero();
      assertThat(r.out()).as(flow.toString()).startsWith("Preview of \"").contains("== ");
    }
  }

  @Test
  void inputForAFlowWithSeveralTriggersMustNameOne() throws Exception {
    Path flow = tmp.resolve("two.yaml");
    Files.writeString(
        flow,
        """
        name: Two
        stages:
          - {name: a, action: Inline Records, props: {records: [{x: 1}]}, out: [p]}
          - {name: b, action: Inline Records, props: {records: [{x: 2}]}, out: [p]}
          - {name: p, action: Log}
        """);
    Path input = lines("{\"x\":3}");
    CliRunner.Result r = CliRunner.run("preview", flow.toString(), "--input", input.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "flow preview: the flow has 2 triggers (a, b); name one: --input \"STAGE=FILE\"\n");
    r = CliRunner.run("preview", flow.toString(), "--input", "b=" + input);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("== p (Log, publisher)\n  would write (2):");
    assertThat(r.out()).contains("{\"x\":1}").contains("{\"x\":3}").doesNotContain("{\"x\":2}");
  }
}
