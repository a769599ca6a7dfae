package dev.flow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.model.FlowDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.model.StageDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowParserTest {

  private static final String VALID =
      """
      name: Orders
      description: Moves orders
      stages:
        - name: read
          action: Test Source
          props:
            count: 3
          out: [shout, "keep"]
        - name: shout
          action: Test Transform
          props: {field: 'name'}
          out:
            - keep
        - name: keep
          action: Test Sink
          props: {}
          out: []
      settings:
        parallelism: 2
      """;

  static List<String> problems(String yaml) {
    return new FlowParser().parse(yaml, "f.yaml").problems().stream().map(Problem::format).toList();
  }

  @Test
  void parsesAValidFlowWithLocations() {
    ParseResult r = new FlowParser().parse(VALID, "flows/orders.yaml");
    assertThat(r.problems()).isEmpty();
    FlowDef f = r.flow();
    assertThat(f.name()).isEqualTo("Orders");
    assertThat(f.description()).isEqualTo("Moves orders");
    assertThat(f.source()).isEqualTo("flows/orders.yaml");
    assertThat(f.stages()).extracting(StageDef::name).containsExactly("read", "shout", "keep");
    StageDef read = f.stage("read");
    assertThat(read.action()).isEqualTo("Test Source");
    assertThat(read.location()).hasToString("flows/orders.yaml:4:5");
    assertThat(read.nameLocation()).hasToString("flows/orders.yaml:4:11");
    assertThat(read.actionLocation()).hasToString("flows/orders.yaml:5:13");
    assertThat(read.out())
        .containsExactly(
            new StageDef.Ref("shout", new Location("flows/orders.yaml", 8, 11)),
            new StageDef.Ref("keep", new Location("flows/orders.yaml", 8, 18)));
    assertThat(read.props().keyLocation("count")).hasToString("flows/orders.yaml:7:7");
    assertThat(((Node.ScalarNode) read.props().get("count")).value()).isEqualTo(3L);
    Node.ScalarNode field = (Node.ScalarNode) f.stage("shout").props().get("field");
    assertThat(field.style()).isEqualTo(Node.ScalarNode.Style.SINGLE_QUOTED);
    assertThat(field.location()).hasToString("flows/orders.yaml:11:20");
    assertThat(field.locationOf(2)).hasToString("flows/orders.yaml:11:23");
    assertThat(f.stage("keep").out()).isEmpty();
    assertThat(f.settings().get("parallelism")).hasToString("2");
  }

  @Test
  void emptyFile() {
    assertThat(problems("")).containsExactly("f.yaml:1:1: error: the file is empty");
    assertThat(problems("# nothing but a comment\n"))
        .containsExactly("f.yaml:1:1: error: the file is empty");
  }

  @Test
  void rootThatIsNotAMapping() {
    assertThat(problems("- a\n- b\n"))
        .containsExactly(
            "f.yaml:1:1: error: the top level must be a mapping with 'name' and 'stages', found a"
                + " list");
    assertThat(problems("just text\n"))
        .containsExactly(
            "f.yaml:1:1: error: the top level must be a mapping with 'name' and 'stages', found a"
                + " string ('just text')");
  }

  @Test
  void oddDocumentsGiveSentencesNotStackTraces() {
    assertThat(problems("? [a, b]\n: c\n"))
        .containsExactly("f.yaml:1:4: error: a key must be a plain value, not a list or a mapping");
    assertThat(problems("---\n...\n"))
        .containsExactly(
            "f.yaml:2:1: error: the top level must be a mapping with 'name' and 'stages', found"
                + " nothing");
    assertThat(problems("name: a\u0000\nstages: []\n"))
        .containsExactly(
            "f.yaml:1:8: error: the file contains a control character that YAML does not allow");
  }

  @Test
  void moreThanOneDocument() {
    assertThat(problems("name: a\nstages: []\n---\nname: b\nstages: []\n"))
        .containsExactly(
            "f.yaml:4:1: error: the file holds more than one YAML document; a flow file holds"
                + " exactly one");
  }

  @Test
  void duplicateKeysAreReportedAtTheSecondKey() {
    assertThat(
            problems(
                """
                name: a
                stages:
                  - name: s
                    action: Test Sink
                    props:
                      target: x
                      limit: 1
                      target: y
                    out: []
                name: b
                """))
        .containsExactly(
            "f.yaml:8:7: error: duplicate key 'target'; it is already set on line 6",
            "f.yaml:10:1: error: duplicate key 'name'; it is already set on line 1");
  }

  @Test
  void tabsUsedForIndentation() {
    assertThat(problems("name: a\nstages:\n\t- name: s\n"))
        .containsExactly(
            "f.yaml:3:1: error: a tab is used for indentation; YAML indents with spaces");
    assertThat(problems("name: a\nstages:\n  - name: s\n  \taction: x\n"))
        .containsExactly(
            "f.yaml:4:3: error: a tab is used for indentation; YAML indents with spaces");
  }

  @Test
  void malformedYamlIsOnePlainSentence() {
    assertThat(problems("name: 'Orders\nstages: []\n"))
        .containsExactly("f.yaml:1:7: error: this quoted string is not closed");
    assertThat(problems("name: a: b\nstages: []\n"))
        .containsExactly(
            "f.yaml:1:8: error: unexpected ':'; quote a value that contains ': ', or check the"
                + " indentation");
    assertThat(problems("name: a\nstages:\n  - name: s\n   action: x\n"))
        .containsExactly(
            "f.yaml:4:4: error: bad indentation: this line does not line up with the lines before"
                + " it");
    assertThat(problems("name: a\nstages: [a, b\n"))
        .containsExactly(
            "f.yaml:2:9: error: this '[' or '{' is not closed, or its items are not separated by"
                + " ','");
  }

  @Test
  void wrongTypes() {
    assertThat(problems("name: a\nstages: foo\n"))
        .containsExactly(
            "f.yaml:2:9: error: 'stages' must be a list of stages, found a string ('foo')");
    assertThat(problems("name: [a]\nstages: []\nsettings: 3\n"))
        .containsExactly(
            "f.yaml:1:7: error: 'name' must be a string, found a list",
            "f.yaml:3:11: error: 'settings' must be a mapping, found a number (3)");
    assertThat(
            problems(
                """
                name: a
                stages:
                  - just a string
                  - name: s
                    action: Test Sink
                    props: [1]
                    out: x
                """))
        .containsExactly(
            "f.yaml:3:5: error: stage 1 must be a mapping with 'name', 'action', 'props' and"
                + " 'out', found a string ('just a string')",
            "f.yaml:6:12: error: stage \"s\": 'props' must be a mapping, found a list",
            "f.yaml:7:10: error: stage \"s\": 'out' must be a list of stage names, found a string"
                + " ('x'); write 'out: [x]'");
  }

  @Test
  void unknownKeysGetDidYouMean() {
    assertThat(
            problems(
                """
                name: a
                stage: []
                stages:
                  - name: s
                    action: Test Sink
                    prop: {}
                    colour: red
                """))
        .containsExactly(
            "f.yaml:2:1: error: unknown top-level key 'stage'; did you mean 'stages'? Known keys:"
                + " name, description, stages, settings",
            "f.yaml:6:5: error: stage \"s\": unknown stage key 'prop'; did you mean 'props'?"
                + " Known keys: name, action, props, out",
            "f.yaml:7:5: error: stage \"s\": unknown stage key 'colour'; Known keys: name,"
                + " action, props, out");
  }

  @Test
  void missingRequiredKeys() {
    assertThat(problems("description: x\n"))
        .containsExactly(
            "f.yaml:1:1: error: the flow has no 'name'; add 'name: <flow name>' at the top",
            "f.yaml:1:1: error: the flow has no 'stages'; add 'stages:' with a list of stages");
    assertThat(problems("name: a\nstages:\n  - action: Test Sink\n  - name: b\n"))
        .containsExactly(
            "f.yaml:3:5: error: stage 1 has no 'name'; add 'name: <unique stage name>'",
            "f.yaml:4:5: error: stage \"b\": the stage has no 'action'; add 'action: <action"
                + " name>'");
  }

  @Test
  void missingPropsAndOutAreLenient() {
    ParseResult r = new FlowParser().parse("name: a\nstages:\n  - name: s\n    action: X\n", "f");
    assertThat(r.problems()).isEmpty();
    assertThat(r.flow().stage("s").props().entries()).isEmpty();
    assertThat(r.flow().stage("s").out()).isEmpty();
  }

  @Test
  void sizeLimit() {
    FlowParser small =
        new FlowParser(
            FlowParser.Options.defaults().withLimits(new YamlReader.Limits(64, 64, 100, 1000)));
    String big = "name: a\nstages: []\ndescription: " + "x".repeat(100) + "\n";
    assertThat(small.parse(big, "f.yaml").problems())
        .extracting(Problem::format)
        .containsExactly("f.yaml: error: the file is 133 bytes; the limit is 64 bytes");
  }

  @Test
  void defaultSizeLimitIsOneMebibyte(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.yaml");
    Files.writeString(file, "name: a\nstages: []\ndescription: " + "x".repeat(1 << 20) + "\n");
    assertThat(new FlowParser().parse(file).problems())
        .extracting(Problem::format)
        .containsExactly(file + ": error: the file is 1048609 bytes; the limit is 1048576 bytes");
  }

  @Test
  void depthLimit() {
    String deep = "name: a\nstages: []\nsettings: " + "[".repeat(70) + "]".repeat(70) + "\n";
    assertThat(problems(deep))
        .containsExactly("f.yaml:3:74: error: the document is nested more than 64 levels deep");
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder b =
        new StringBuilder(
            "name: a\nstages: []\nsettings:\n  l0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      b.append("  l").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    assertThat(problems(b.toString()))
        .containsExactly(
            "f.yaml:9:12: error: aliases expand the document to more than 200000 values");
  }

  @Test
  void tooManyAliasesAreRefused() {
    StringBuilder b = new StringBuilder("name: a\nstages: []\nsettings:\n  a: &x 1\n  b: [");
    for (int i = 0; i < 101; i++) {
      b.append(i == 0 ? "" : ",").append("*x");
    }
    b.append("]\n");
    assertThat(problems(b.toString()))
        .containsExactly("f.yaml:5:307: error: the document uses more than 100 aliases ('*name')");
  }

  @Test
  void smallAliasesWork() {
    ParseResult r =
        new FlowParser()
            .parse(
                "name: a\nstages:\n  - {name: s, action: X, props: &p {target: t}}\n"
                    + "  - {name: t, action: X, props: *p}\n",
                "f");
    assertThat(r.problems()).isEmpty();
    assertThat(r.flow().stage("t").props().get("target")).hasToString("t");
    assertThat(problems("name: a\nstages: *nope\n"))
        .containsExactly("f.yaml:2:9: error: alias '*nope' refers to no anchor '&nope'");
    assertThat(problems("name: a\nstages: &s [*s]\n"))
        .containsExactly("f.yaml:2:13: error: alias '*s' is used inside its own anchor '&s'");
  }

  @Test
  void ambiguousNumbersStayText() {
    ParseResult r =
        new FlowParser()
            .parse(
                "name: a\nstages: []\nsettings: {a: 0123, b: 1_000, c: 0x1F, d: 1.50, e: 0}\n",
                "f");
    Node.MapNode s = r.flow().settings();
    assertThat(((Node.ScalarNode) s.get("a")).value()).isEqualTo("0123");
    assertThat(((Node.ScalarNode) s.get("b")).value()).isEqualTo("1_000");
    assertThat(((Node.ScalarNode) s.get("c")).value()).isEqualTo(31L);
    assertThat(((Node.ScalarNode) s.get("d")).value()).isEqualTo(1.5);
    assertThat(((Node.ScalarNode) s.get("e")).value()).isEqualTo(0L);
  }

  @Test
  void yamlOneOneBooleansStayText() {
    ParseResult r =
        new FlowParser().parse("name: a\nstages: []\nsettings: {a: no, b: true}\n", "f");
    assertThat(((Node.ScalarNode) r.flow().settings().get("a")).value()).isEqualTo("no");
    assertThat(((Node.ScalarNode) r.flow().settings().get("b")).value()).isEqualTo(true);
  }

  @Test
  void parsesAFileNamingThePathAsGiven() {
    Path path = Paths.get("src/test/resources/flows/bad-out.yaml");
    ParseResult r = new FlowParser().parse(path);
    assertThat(r.problems())
        .extracting(Problem::format)
        .containsExactly(
            "src/test/resources/flows/bad-out.yaml:9:10: error: stage \"upper\": 'out' must be a"
                + " list of stage names, found a string ('keep'); write 'out: [keep]'");
    assertThat(new FlowParser().parse(Paths.get("no/such.yaml")).problems())
        .extracting(Problem::format)
        .containsExactly("no/such.yaml: error: the file does not exist");
  }

  @Test
  void fileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
    assertThat(new FlowParser().parse(file).problems())
        .extracting(Problem::format)
        .containsExactly(
            file
                + ":1:7: error: the file is not UTF-8 text: byte 0xE9 (byte offset 6) at line 1,"
                + " column 7; save it as UTF-8");
    Files.write(
        file,
        "name: é\nstages:\n  - x\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(new FlowParser().parse(file).problems())
        .extracting(Problem::format)
        .containsExactly(
            file
                + ":1:7: error: the file is not UTF-8 text: byte 0xE9 (byte offset 6) at line 1,"
                + " column 7; save it as UTF-8");
    Files.write(
        file, "name: é\nstages:\n  - x\u00ff".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] b = Files.readAllBytes(file);
    b[b.length - 1] = (byte) 0xFF;
    Files.write(file, b);
    assertThat(new FlowParser().parse(file).problems())
        .extracting(Problem::format)
        .containsExactly(
            file
                + ":3:6: error: the file is not UTF-8 text: byte 0xC3 (byte offset 22) at line 3,"
                + " column 6; save it as UTF-8");
  }

  @Test
  void specialFilesGetAClearErrorInsteadOfBlockingOrFillingMemory(@TempDir Path dir)
      throws Exception {
    assertThat(new FlowParser().parse(Paths.get("/dev/zero")).problems())
        .extracting(Problem::format)
        .containsExactly(
            "/dev/zero: error: not a regular file (a named pipe, a device or a socket), so it is"
                + " not read");
    Path fifo = dir.resolve("f.yaml");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    assertThat(new FlowParser().parse(fifo).problems())
        .extracting(Problem::format)
        .containsExactly(
            fifo
                + ": error: not a regular file (a named pipe, a device or a socket), so it is not"
                + " read");
    assertThat(new FlowParser().parse(dir).problems())
        .extracting(Problem::format)
        .containsExactly(dir + ": error: it is a directory, not a file");
  }
}
