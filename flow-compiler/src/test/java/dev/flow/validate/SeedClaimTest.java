package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.parse.ParseResult;
import dev.flow.parse.SeedSchema;
import dev.flow.record.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's rule on the seed schema, checked on generated documents: Flow accepts the shape of
 * every document the seed schema accepts, and refuses one only for the meaning rules the README
 * lists under "What the seed schema cannot say".
 */
class SeedClaimTest {

  /** The rules of the README, one pattern per rule, in its order. */
  static final List<Pattern> RULES =
      List.of(
          Pattern.compile("the flow has no stages"),
          Pattern.compile("the flow has no trigger, so nothing starts a run"),
          Pattern.compile("'(name|action)' is empty"),
          Pattern.compile(
              "another stage on line \\d+ has the same name; stage names must be unique"),
          Pattern.compile("'out' names an unknown stage \".*\"", Pattern.DOTALL),
          Pattern.compile("the stages form a cycle: .*", Pattern.DOTALL),
          Pattern.compile(
              "'out' names \".*\", which is a trigger; a trigger takes no input", Pattern.DOTALL),
          Pattern.compile("a publisher has no output, so it cannot have 'out'"),
          Pattern.compile(
              "no stage sends records to this (transform|publisher)"
                  + "|no trigger's records reach this stage"),
          Pattern.compile("unknown action '.*'.*", Pattern.DOTALL),
          Pattern.compile(
              "unknown prop '.*'|missing required prop '.*'|prop '.*' (must|is not a valid) .*",
              Pattern.DOTALL),
          Pattern.compile(
              "unknown parameter set '.*' in '.*'|parameter set '.*' has no parameter '.*'"
                  + "|'.*' is not a parameter reference",
              Pattern.DOTALL));

  static final ActionRegistry REGISTRY = ActionRegistry.load();

  @Test
  void seedValidDocumentsAreRefusedOnlyByTheListedRules() {
    Random random = new Random(17);
    FlowParser parser = new FlowParser();
    TreeSet<String> unlisted = new TreeSet<>();
    for (int i = 0; i < 400; i++) {
      String text = Json.MAPPER.valueToTree(document(random)).toString();
      ParseResult parsed = parser.parse(text, "f.yaml");
      assertThat(SeedSchema.check(parsed.root())).as(text).isEmpty();
      for (Problem p : new FlowValidator(REGISTRY).validate(parsed).problems()) {
        if (p.isError() && RULES.stream().noneMatch(r -> r.matcher(p.message()).matches())) {
          unlisted.add(p.message() + "   in " + text);
        }
      }
    }
    assertThat(unlisted).isEmpty();
  }

  @Test
  void theReadmeListsExactlyTheseRules() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    int from = readme.indexOf("<!-- seed-rules:");
    int to = readme.indexOf("<!-- /seed-rules -->");
    assertThat(from).as("the README's list of seed rules").isNotNegative();
    long bullets = readme.substring(from, to).lines().filter(l -> l.startsWith("- ")).count();
    assertThat(bullets).isEqualTo(RULES.size());
  }

  @Test
  void anEmptyListOfStagesAndAnUnknownActionAreRefusedAsTheReadmeSays() {
    FlowParser parser = new FlowParser();
    assertThat(
            new FlowValidator(REGISTRY)
                .validate(parser.parse("name: n\nstages: []\n", "f.yaml")).problems().stream()
                    .map(Problem::format))
        .containsExactly(
            "f.yaml:1:1: error: the flow has no stages; add a trigger stage and the stages it"
                + " feeds");
    assertThat(
            new FlowValidator(REGISTRY)
                .validate(
                    parser.parse(
                        "name: n\nstages:\n  - {name: a, action: Frobnicate, props: {}, out: []}\n",
                        "f.yaml"))
                .problems()
                .get(0)
                .message())
        .startsWith("unknown action 'Frobnicate'");
  }

  private static final String[] ACTIONS = {
    "Inline Records",
    "Generator",
    "Log",
    "Filter",
    "Remap Fields",
    "Map",
    "Trash",
    "Frobnicate",
    "com.acme.Missing",
    "",
    "log",
    "remapFields"
  };

  private static ObjectNode document(Random r) {
    ObjectNode flow = Json.MAPPER.createObjectNode();
    flow.put("name", string(r));
    ArrayNode stages = flow.putArray("stages");
    int n = r.nextInt(5);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(r.nextInt(8) == 0 ? string(r) : "s" + r.nextInt(6));
    }
    for (String name : names) {
      ObjectNode s = stages.addObject();
      s.put("name", name);
      s.put("action", ACTIONS[r.nextInt(ACTIONS.length)]);
      ObjectNode props = s.putObject("props");
      for (int k = r.nextInt(3); k > 0; k--) {
        switch (r.nextInt(4)) {
          case 0 -> props.put(string(r), string(r));
          case 1 -> props.put("records", r.nextInt(3));
          case 2 -> props.putArray("records").addObject().put("id", r.nextInt(9));
          default -> props.put("condition", r.nextBoolean() ? "id > 1" : "id >");
        }
      }
      ArrayNode out = s.putArray("out");
      for (int k = r.nextInt(3); k > 0; k--) {
        out.add(r.nextInt(6) == 0 ? string(r) : names.get(r.nextInt(names.size())));
      }
    }
    return flow;
  }

  private static String string(Random r) {
    String[] parts = {"a", "Ö", "x y", "${p__q}", "é", "\t", "#", ": ", "'", "\"", "1", "null"};
    StringBuilder b = new StringBuilder();
    for (int k = r.nextInt(4); k > 0; k--) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    return b.toString();
  }
}
