package dev.flow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterSetsTest {

  private static final ParameterSets SETS = sets();

  private static ParameterSets sets() {
    Map<String, ParameterSets.Parameter> kafka = new LinkedHashMap<>();
    kafka.put("bootstrap", new ParameterSets.Parameter("localhost:9092", false));
    kafka.put("partitions", new ParameterSets.Parameter("12", false));
    kafka.put("password", new ParameterSets.Parameter("hunter2", true));
    return ParameterSets.of(Map.of("kafka", kafka));
  }

  private static ParseResult parse(String props) {
    FlowParser p =
        new FlowParser(
            FlowParser.Options.defaults()
                .withParameters(SETS)
                .withEnv(n -> n.equals("HOME_DIR") ? "/home/flow" : null));
    return p.parse("name: a\nstages:\n  - name: s\n    action: X\n    props:\n" + props, "f.yaml");
  }

  private static Node.ScalarNode prop(ParseResult r, String name) {
    return (Node.ScalarNode) r.flow().stage("s").props().get(name);
  }

  @Test
  void replacesSetParametersAndEnvironmentVariables() {
    ParseResult r =
        parse(
            "      servers: ${kafka__bootstrap}\n"
                + "      url: \"kafka://${kafka__bootstrap}/x?home=${env:HOME_DIR}\"\n"
                + "      plain: no references\n");
    assertThat(r.problems()).isEmpty();
    assertThat(prop(r, "servers").value()).isEqualTo("localhost:9092");
    assertThat(prop(r, "servers").style()).isEqualTo(Node.ScalarNode.Style.SYNTHETIC);
    assertThat(prop(r, "servers").secret()).isFalse();
    assertThat(prop(r, "url").value()).isEqualTo("kafka://localhost:9092/x?home=/home/flow");
    assertThat(prop(r, "plain").style()).isEqualTo(Node.ScalarNode.Style.PLAIN);
  }

  @Test
  void escapeWritesALiteralReference() {
    ParseResult r = parse("      text: 'cost: $${price} and ${kafka__partitions}'\n");
    assertThat(r.problems()).isEmpty();
    assertThat(prop(r, "text").value()).isEqualTo("cost: ${price} and 12");
  }

  @Test
  void unresolvedReferencesAreLocatedAtTheirOwnColumn() {
    ParseResult r =
        parse(
            "      a: \"x ${kafka__bootstrp} y\"\n"
                + "      b: ${kafak__bootstrap}\n"
                + "      c: ${env:NOT_SET}\n"
                + "      d: ${nounderscores}\n"
                + "      e: abc ${kafka__bootstrap\n"
                + "      f: ${other__x}\n");
    assertThat(r.problems())
        .extracting(Problem::format)
        .containsExactly(
            "f.yaml:6:13: error: stage \"s\": parameter set 'kafka' has no parameter 'bootstrp';"
                + " did you mean 'bootstrap'? Known parameters: bootstrap, partitions, password",
            "f.yaml:7:10: error: stage \"s\": unknown parameter set 'kafak' in"
                + " '${kafak__bootstrap}'; did you mean 'kafka'?",
            "f.yaml:8:10: error: stage \"s\": environment variable 'NOT_SET' is not set",
            "f.yaml:9:10: error: stage \"s\": '${nounderscores}' is not a parameter reference;"
                + " write ${set__param} (set name, two underscores, parameter name) or ${env:NAME}",
            "f.yaml:10:14: error: stage \"s\": '${' is not closed with '}'",
            "f.yaml:11:10: error: stage \"s\": unknown parameter set 'other' in '${other__x}';"
                + " known sets: kafka");
  }

  @Test
  void problemsOutsideStagesNameNoStage() {
    FlowParser p = new FlowParser(FlowParser.Options.defaults().withParameters(SETS));
    ParseResult r =
        p.parse(
            "name: ${kafka__x}\nstages:\n  - {name: a, action: '${kafka__y}'}\n"
                + "  - {name: b, action: '${kafka__z}'}\nsettings: {p: '${kafka__w}'}\n",
            "f.yaml");
    assertThat(r.problems())
        .extracting(p2 -> p2.location().line() + " " + p2.stage())
        .containsExactly("1 null", "3 a", "4 b", "5 null");
  }

  @Test
  void noSetsGivenSuggestsTheOption() {
    ParseResult r = new FlowParser().parse("name: ${a__b}\nstages: []\n", "f.yaml");
    assertThat(r.problems())
        .extracting(Problem::format)
        .containsExactly(
            "f.yaml:1:7: error: unknown parameter set 'a' in '${a__b}'; pass the parameter set"
                + " file with --params FILE");
  }

  @Test
  void secretValuesAreMarkedAndNeverShown() {
    ParseResult r =
        parse("      password: ${kafka__password}\n      nested: [\"${kafka__password}\"]\n");
    Node.ScalarNode p = prop(r, "password");
    assertThat(p.secret()).isTrue();
    assertThat(p.style()).isEqualTo(Node.ScalarNode.Style.SYNTHETIC);
    assertThat(p.value()).isEqualTo("hunter2");
    assertThat(p.toString()).isEqualTo("******");
    assertThat(String.valueOf(r.flow().stage("s").props())).doesNotContain("hunter2");
    assertThat(SETS.get("kafka", "password").toString()).isEqualTo("******");
  }

  @Test
  void secretsCannotNameStagesActionsOrEdges() {
    FlowParser p = new FlowParser(FlowParser.Options.defaults().withParameters(SETS));
    ParseResult r =
        p.parse(
            "name: a\nstages:\n  - {name: s, action: '${kafka__password}', out: ['${kafka__password}']}\n",
            "f.yaml");
    assertThat(r.problems())
        .extracting(Problem::format)
        .containsExactly(
            "f.yaml:3:23: error: stage \"s\": 'action' cannot use a secret parameter",
            "f.yaml:3:51: error: stage \"s\": 'out' cannot use a secret parameter")
        .allSatisfy(m -> assertThat(m).doesNotContain("hunter2"));
  }

  @Test
  void keysAreNotSubstituted() {
    ParseResult r = parse("      ${kafka__bootstrap}: 1\n");
    assertThat(r.flow().stage("s").props().entries()).containsKey("${kafka__bootstrap}");
  }

  @Test
  void loadsParameterSetFiles(@TempDir Path dir) throws Exception {
    Path kafka =
        Files.writeString(
            dir.resolve("kafka-dev.yaml"),
            """
        parameters:
          bootstrap: "localhost:9092"
          partitions: 12
          password:
            value: s3cret
            secret: true
        """);
    Path db =
        Files.writeString(
            dir.resolve("other.yml"),
            """
        name: db
        description: The database
        parameters:
          url: jdbc:postgresql://localhost/flow
        """);
    ParameterSets.Loaded loaded = ParameterSets.load(List.of(kafka, db));
    assertThat(loaded.problems()).isEmpty();
    ParameterSets sets = loaded.sets();
    assertThat(sets.setNames()).containsExactly("kafka-dev", "db");
    assertThat(sets.get("kafka-dev", "bootstrap"))
        .isEqualTo(new ParameterSets.Parameter("localhost:9092", false));
    assertThat(sets.get("kafka-dev", "partitions").value()).isEqualTo("12");
    assertThat(sets.get("kafka-dev", "password"))
        .isEqualTo(new ParameterSets.Parameter("s3cret", true));
    assertThat(sets.get("db", "url").value()).isEqualTo("jdbc:postgresql://localhost/flow");
  }

  @Test
  void aParameterFileThatCannotBeReadIsTheOneErrorNotEveryReferenceToItsSets(@TempDir Path dir)
      throws Exception {
    Path flow =
        Files.writeString(
            dir.resolve("f.yaml"),
            "name: a\nstages:\n  - name: s\n    action: Log\n    props:\n"
                + "      format: ${orders__format}\n      stream: ${orders__stream}\n");
    Path missing = dir.resolve("orders.yaml");
    assertThat(
            dev.flow.FlowCompiler.validate(flow.toString(), List.of(missing.toString()), false)
                .problems())
        .extracting(Problem::format)
        .containsExactly(missing + ": error: the file does not exist");
    // A set the files that were read do not define is still unknown when every file was read.
    Path other = Files.writeString(dir.resolve("other.yaml"), "parameters: {x: 1}\n");
    assertThat(
            dev.flow.FlowCompiler.validate(flow.toString(), List.of(other.toString()), false)
                .problems())
        .extracting(Problem::format)
        .contains(
            flow
                + ":6:15: error: stage \"s\": unknown parameter set 'orders' in"
                + " '${orders__format}'; known sets: other",
            flow
                + ":7:15: error: stage \"s\": unknown parameter set 'orders' in"
                + " '${orders__stream}'; known sets: other");
  }

  @Test
  void badParameterFilesGiveLocatedProblems(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), "name: x\nparameter: {}\n");
    Path b =
        Files.writeString(
            dir.resolve("b.yaml"),
            "name: x\nparameters:\n  p: [1]\n  q: {value: 1, secret: maybe}\n");
    Path c = Files.writeString(dir.resolve("c.yaml"), "name: bad__name\n");
    ParameterSets.Loaded loaded = ParameterSets.load(List.of(a, b, c, dir.resolve("missing.yaml")));
    assertThat(loaded.problems())
        .extracting(Problem::format)
        .containsExactly(
            a
                + ":2:1: error: unknown key 'parameter' in a parameter set; did you mean 'parameters'? Known keys: name, description, parameters",
            b + ":1:7: error: parameter set 'x' is already defined in " + a,
            c
                + ":1:7: error: 'bad__name' is not a valid parameter set name; use letters, digits, '-', '.' and single '_'",
            dir.resolve("missing.yaml") + ": error: the file does not exist");
  }
}
