package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.YamlReader;
import dev.flow.record.FieldPath;
import dev.flow.spi.DataSize;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.Prop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsBinderTest {

  enum Mode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE
  }

  record Inner(
      @Prop(description = "Attempts.", defaultValue = "3") int maxAttempts,
      @Prop(description = "Delay.", defaultValue = "500ms") Duration backoff) {}

  record AllTypes(
      @Prop(description = "s") String s,
      @Prop(description = "i") int i,
      @Prop(description = "boxed") Integer boxed,
      @Prop(description = "l") long l,
      @Prop(description = "d") double d,
      @Prop(description = "b") boolean b,
      @Prop(description = "dur") Duration dur,
      @Prop(description = "mode") Mode mode,
      @Prop(description = "list") List<Integer> list,
      @Prop(description = "map") Map<String, Duration> map,
      @Prop(description = "nested") Inner nested,
      @Prop(description = "raw") Node raw,
      @Prop(description = "rawMap") Node.MapNode rawMap,
      @Prop(description = "json") JsonNode json,
      @Prop(description = "secret", secret = true) int pin) {}

  record Fetch(
      @Prop(description = "Timeout.", defaultValue = "10s") Duration timeout,
      @Prop(description = "URL.", required = true) String url,
      @Prop(description = "Method.", defaultValue = "GET", name = "method") String httpMethod) {}

  record Paths(
      @Prop(description = "keep") List<FieldPath> keep,
      @Prop(description = "rename") Map<FieldPath, FieldPath> rename,
      @Prop(description = "waits") Map<FieldPath, Duration> waits,
      @Prop(description = "rate", min = "0", max = "100") double rate) {}

  private final List<Problem> problems = new ArrayList<>();

  private static Node.MapNode yaml(String text) {
    YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(text, "p.yaml");
    assertThat(r.problems()).isEmpty();
    return (Node.MapNode) r.root();
  }

  private <R extends Record> R bind(Class<R> type, String text) {
    return new OptionsBinder("prop", "s", "Test", problems).bind(type, yaml(text));
  }

  private List<String> messages() {
    return problems.stream().map(Problem::format).toList();
  }

  @Test
  void bindsEveryType() {
    AllTypes a =
        bind(
            AllTypes.class,
            """
            s: text
            i: 42
            boxed: -7
            l: 12345678901
            d: 2
            b: true
            dur: 1.5s
            mode: at-least-once
            list: [1, 2, 3]
            map: {fast: 500ms, slow: 2d}
            nested: {maxAttempts: 5}
            raw: [a, {b: c}]
            rawMap: {x: 1}
            json: {a: [1, true, null, "s", 1.5]}
            pin: 1234
            """);
    assertThat(messages()).isEmpty();
    assertThat(a.s()).isEqualTo("text");
    assertThat(a.i()).isEqualTo(42);
    assertThat(a.boxed()).isEqualTo(-7);
    assertThat(a.l()).isEqualTo(12345678901L);
    assertThat(a.d()).isEqualTo(2.0);
    assertThat(a.b()).isTrue();
    assertThat(a.dur()).isEqualTo(Duration.ofMillis(1500));
    assertThat(a.mode()).isEqualTo(Mode.AT_LEAST_ONCE);
    assertThat(a.list()).containsExactly(1, 2, 3);
    assertThat(a.map())
        .containsExactly(
            Map.entry("fast", Duration.ofMillis(500)), Map.entry("slow", Duration.ofDays(2)));
    assertThat(a.nested()).isEqualTo(new Inner(5, Duration.ofMillis(500)));
    assertThat(a.raw()).isInstanceOf(Node.ListNode.class);
    assertThat(a.raw().location()).isEqualTo(new Location("p.yaml", 12, 6));
    assertThat(a.rawMap().keyLocation("x")).isEqualTo(new Location("p.yaml", 13, 10));
    assertThat(a.json().toString()).isEqualTo("{\"a\":[1,true,null,\"s\",1.5]}");
    assertThat(a.pin()).isEqualTo(1234);
  }

  @Test
  void durationsAndEnumsAreReadLoosely() throws Exception {
    for (var e :
        Map.of(
                "500ms", Duration.ofMillis(500),
                "10s", Duration.ofSeconds(10),
                "5m", Duration.ofMinutes(5),
                "1h", Duration.ofHours(1),
                "2d", Duration.ofDays(2),
                "PT1M30S", Duration.ofSeconds(90),
                "10 S", Duration.ofSeconds(10))
            .entrySet()) {
      assertThat(Scalars.duration(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    for (String m : List.of("exactly-once", "EXACTLY_ONCE", "exactlyOnce", "Exactly Once")) {
      assertThat(bind(AllTypes.class, "mode: " + m).mode()).as(m).isEqualTo(Mode.EXACTLY_ONCE);
    }
    assertThat(messages()).isEmpty();
  }

  @Test
  void absentPropsGetDefaultsOrNothing() {
    AllTypes a = bind(AllTypes.class, "s: x");
    assertThat(a.i()).isZero();
    assertThat(a.boxed()).isNull();
    assertThat(a.b()).isFalse();
    assertThat(a.dur()).isNull();
    assertThat(a.list()).isNull();
    assertThat(a.nested()).isEqualTo(new Inner(3, Duration.ofMillis(500)));
    Fetch f = bind(Fetch.class, "url: http://x\ntimeout: ~");
    assertThat(f).isEqualTo(new Fetch(Duration.ofSeconds(10), "http://x", "GET"));
    assertThat(messages()).isEmpty();
  }

  @Test
  void flowSettingsDefaultsMatchTheDeclaredDefaults() {
    FlowSettings s =
        new OptionsBinder("setting", null, null, problems)
            .bind(FlowSettings.class, new Node.MapNode(Map.of(), Map.of(), Location.UNKNOWN));
    assertThat(messages()).isEmpty();
    assertThat(s).isEqualTo(FlowSettings.defaults());
  }

  @Test
  void unknownPropsGetDidYouMeanAndTheKnownProps() {
    bind(Fetch.class, "url: http://x\ntmeout: 5s\ncolour: red\n");
    List<Problem> found = new ArrayList<>();
    new OptionsBinder("prop", "enrich", "Fetch", found)
        .bind(Fetch.class, yaml("url: u\n\ntmeout: 1s\n"));
    assertThat(found)
        .extracting(Problem::format)
        .containsExactly(
            "p.yaml:3:1: error: stage \"enrich\" (Fetch): unknown prop 'tmeout'; did you mean"
                + " 'timeout'? Known props: timeout, url, method");
    assertThat(messages())
        .containsExactly(
            "p.yaml:2:1: error: stage \"s\" (Test): unknown prop 'tmeout'; did you mean 'timeout'?"
                + " Known props: timeout, url, method",
            "p.yaml:3:1: error: stage \"s\" (Test): unknown prop 'colour'; Known props: timeout,"
                + " url, method");
  }

  @Test
  void requiredPropsAndWrongTypesAreAllReported() {
    AllTypes a =
        bind(
            AllTypes.class,
            """
            i: [1]
            boxed: 3000000000
            d: abc
            b: yes
            dur: 10
            mode: exactly-one
            list: [1, x]
            map: {fast: quick}
            nested: {maxAttempt: 2}
            rawMap: [1]
            pin: abcd
            """);
    assertThat(a).isNull();
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:4: error: stage \"s\" (Test): prop 'i' must be a whole number, found a list",
            "p.yaml:2:8: error: stage \"s\" (Test): prop 'boxed' must be a whole number from"
                + " -2147483648 to 2147483647, found a number (3000000000)",
            "p.yaml:3:4: error: stage \"s\" (Test): prop 'd' must be a number, found a string"
                + " ('abc')",
            "p.yaml:4:4: error: stage \"s\" (Test): prop 'b' must be true or false, found a string"
                + " ('yes')",
            "p.yaml:5:6: error: stage \"s\" (Test): prop 'dur' must be a duration such as 500ms,"
                + " 10s, 5m, 1h or 2d, found a number (10); add a unit, e.g. '10s'",
            "p.yaml:6:7: error: stage \"s\" (Test): prop 'mode' must be one of exactly-once,"
                + " at-least-once, found a string ('exactly-one'); did you mean 'exactly-once'?",
            "p.yaml:7:11: error: stage \"s\" (Test): prop 'list[1]' must be a whole number, found a"
                + " string ('x')",
            "p.yaml:8:13: error: stage \"s\" (Test): prop 'map.fast' must be a duration such as"
                + " 500ms, 10s, 5m, 1h or 2d, found a string ('quick')",
            "p.yaml:9:10: error: stage \"s\" (Test): unknown prop 'nested.maxAttempt'; did you mean"
                + " 'maxAttempts'? Known props: maxAttempts, backoff",
            "p.yaml:10:9: error: stage \"s\" (Test): prop 'rawMap' must be a mapping, found a list",
            "p.yaml:11:6: error: stage \"s\" (Test): prop 'pin' must be a whole number, found a"
                + " string");
    problems.clear();
    assertThat(bind(AllTypes.class, "i: 1\ndur: 9999999999999999h\n")).isNull();
    assertThat(messages())
        .containsExactly(
            "p.yaml:2:6: error: stage \"s\" (Test): prop 'dur' must be a duration up to"
                + " 106751991167d (the most milliseconds a long holds), found a string"
                + " ('9999999999999999h')");
    problems.clear();
    for (String iso : List.of("PT2562047788016H", "PT2562047788015216H")) {
      assertThat(bind(AllTypes.class, "i: 1\ndur: " + iso + "\n")).isNull();
      assertThat(messages())
          .containsExactly(
              "p.yaml:2:6: error: stage \"s\" (Test): prop 'dur' must be a duration up to"
                  + " 106751991167d (the most milliseconds a long holds), found a string ('"
                  + iso
                  + "')");
      problems.clear();
    }
    problems.clear();
    assertThat(bind(Fetch.class, "method: POST\n")).isNull();
    assertThat(messages())
        .containsExactly("p.yaml:1:1: error: stage \"s\" (Test): missing required prop 'url'");
  }

  @Test
  void fieldPathsBindAsListItemsAndAsMappingKeysAndValues() {
    Paths p =
        bind(
            Paths.class,
            """
            keep: [id, customer.name]
            rename: {a.b: c, 'h.content\\.type': type}
            waits: {x.y: 2s}
            rate: 2.5
            """);
    assertThat(messages()).isEmpty();
    assertThat(p.keep()).containsExactly(FieldPath.parse("id"), FieldPath.of("customer", "name"));
    assertThat(p.rename())
        .containsExactly(
            Map.entry(FieldPath.of("a", "b"), FieldPath.of("c")),
            Map.entry(FieldPath.of("h", "content.type"), FieldPath.of("type")));
    assertThat(p.waits()).containsExactly(Map.entry(FieldPath.of("x", "y"), Duration.ofSeconds(2)));
  }

  @Test
  void aBadFieldPathIsReportedAtItsItemKeyOrValue() {
    assertThat(
            bind(
                Paths.class,
                """
                keep: [ok, 'a..b']
                rename: {x.: y, z: .w}
                waits: {'': 1s, q: soon}
                """))
        .isNull();
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:12: error: stage \"s\" (Test): prop 'keep[1]': field path 'a..b' has an"
                + " empty segment",
            "p.yaml:2:10: error: stage \"s\" (Test): prop 'rename': field path 'x.' has an empty"
                + " segment",
            "p.yaml:2:20: error: stage \"s\" (Test): prop 'rename.z': field path '.w' has an"
                + " empty segment",
            "p.yaml:3:9: error: stage \"s\" (Test): prop 'waits': a field path must not be empty",
            "p.yaml:3:20: error: stage \"s\" (Test): prop 'waits.q' must be a duration such as"
                + " 500ms, 10s, 5m, 1h or 2d, found a string ('soon')");
  }

  @Test
  void aNumberWithLimitsIsNeitherNanNorInfinite() {
    // YAML's .nan and .inf are refused by the reader; a parameter's text can still say NaN.
    Location at = new Location("p.yaml", 1, 7);
    for (String v : List.of("NaN", "Infinity", "-Infinity", "101", "-1")) {
      problems.clear();
      Node.ScalarNode fromParam =
          new Node.ScalarNode(v, at, Node.ScalarNode.Style.SYNTHETIC, false);
      Node.MapNode map = new Node.MapNode(Map.of("rate", fromParam), Map.of(), at);
      assertThat(new OptionsBinder("prop", "s", "Test", problems).bind(Paths.class, map))
          .as(v)
          .isNull();
      assertThat(messages())
          .as(v)
          .containsExactly(
              "p.yaml:1:7: error: stage \"s\" (Test): prop 'rate' must be from 0 to 100, found "
                  + Double.parseDouble(v));
    }
    problems.clear();
    assertThat(bind(Paths.class, "rate: 100").rate()).isEqualTo(100.0);
    assertThat(messages()).isEmpty();
  }

  @Test
  void stringsFromParametersBindToNumbersAndBooleans() {
    Location at = new Location("p.yaml", 1, 4);
    Node.ScalarNode fromParam =
        new Node.ScalarNode("42", at, Node.ScalarNode.Style.SYNTHETIC, false);
    Node.ScalarNode flag = new Node.ScalarNode("true", at, Node.ScalarNode.Style.SYNTHETIC, false);
    Node.ScalarNode quoted =
        new Node.ScalarNode("42", at, Node.ScalarNode.Style.DOUBLE_QUOTED, false);
    Node.MapNode map =
        new Node.MapNode(Map.of("i", fromParam, "b", flag, "l", quoted), Map.of(), at);
    new OptionsBinder("prop", "s", "Test", problems).bind(AllTypes.class, map);
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:4: error: stage \"s\" (Test): prop 'l' must be a whole number, found a"
                + " string ('42')");
    problems.clear();
    Node.MapNode ok = new Node.MapNode(Map.of("i", fromParam, "b", flag), Map.of(), at);
    AllTypes a = new OptionsBinder("prop", "s", "Test", problems).bind(AllTypes.class, ok);
    assertThat(a.i()).isEqualTo(42);
    assertThat(a.b()).isTrue();
  }

  @Test
  void secretScalarsAreNeverShown() {
    Location at = new Location("p.yaml", 1, 4);
    Node.ScalarNode secret =
        new Node.ScalarNode("hunter2", at, Node.ScalarNode.Style.SYNTHETIC, true);
    new OptionsBinder("prop", "s", "Test", problems)
        .bind(AllTypes.class, new Node.MapNode(Map.of("i", secret, "mode", secret), Map.of(), at));
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:4: error: stage \"s\" (Test): prop 'i' must be a whole number, found a"
                + " string",
            "p.yaml:1:4: error: stage \"s\" (Test): prop 'mode' must be one of exactly-once,"
                + " at-least-once, found a string")
        .allSatisfy(m -> assertThat(m).doesNotContain("hunter2"));
  }

  record Sized(
      @Prop(description = "Size.", defaultValue = "128mb", min = "1kb") DataSize size,
      @Prop(description = "Sizes.") List<DataSize> sizes) {}

  @Test
  void sizesBindFromTheirTextAndKeepTheirLimits() {
    assertThat(bind(Sized.class, "{}").size()).isEqualTo(new DataSize(128L << 20));
    Sized s = bind(Sized.class, "{size: 64kb, sizes: [1mb, 2048]}");
    assertThat(messages()).isEmpty();
    assertThat(s.size()).isEqualTo(new DataSize(64 << 10));
    assertThat(s.sizes()).containsExactly(new DataSize(1 << 20), new DataSize(2048));
    bind(Sized.class, "{size: 512b, sizes: [lots]}");
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:8: error: stage \"s\" (Test): prop 'size' must be 1kb or more, found 512b",
            "p.yaml:1:22: error: stage \"s\" (Test): prop 'sizes[0]': 'lots' is not a size such as"
                + " 64mb or 1gb");
  }
}
