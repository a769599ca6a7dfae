package dev.flow.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases of the lazy record: validation, duplicates, escapes, numbers, order and copies. */
class FlowRecordTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static FieldPath p(String path) {
    return FieldPath.parse(path);
  }

  private static String error(String json) {
    try {
      FlowRecord.parseJson(utf8(json));
    } catch (InvalidRecordException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void parseJsonRejectsBadInputWithAShortMessageAndOffset() {
    assertThat(error("")).isEqualTo("empty input where a JSON object was expected");
    assertThat(error("  \n")).isEqualTo("empty input where a JSON object was expected");
    assertThat(error("[1,2]")).isEqualTo("expected a JSON object but found an array at offset 0");
    assertThat(error(" \"x\"")).isEqualTo("expected a JSON object but found a string at offset 1");
    assertThat(error("42")).isEqualTo("expected a JSON object but found a number at offset 0");
    assertThat(error("{\"a\":1} x"))
        .isEqualTo("trailing content after the JSON object at offset 8");
    assertThat(error("{\"a\":1}{}"))
        .isEqualTo("trailing content after the JSON object at offset 7");
    assertThat(error("{\"a\" 1}"))
        .isEqualTo("not valid JSON: expected ':' after a field name, found a number at offset 5");
    assertThat(error("{\"a\":1,}"))
        .isEqualTo("not valid JSON: expected a field name in double quotes, found '}' at offset 7");
    assertThat(error("{\"a\":[1 2]}"))
        .isEqualTo("not valid JSON: expected ',' or ']' in an array, found a number at offset 8");
    assertThat(error("{\"a\":01}"))
        .isEqualTo("not valid JSON: expected ',' or '}' after a field, found a number at offset 6");
    assertThat(error("{\"a\":tru}"))
        .isEqualTo("not valid JSON: a misspelled literal, expected 'true' at offset 5");
    assertThat(error("{\"a\":\"x"))
        .isEqualTo("not valid JSON: a string that never ends at offset 5");
    assertThat(error("{\"a\":\"\\q\"}"))
        .isEqualTo("not valid JSON: a bad escape sequence at offset 6");
    assertThat(error("{\"a\":\"\t\"}"))
        .isEqualTo("not valid JSON: a control character in a string at offset 6");
    assertThat(error("{\"a\":1"))
        .isEqualTo(
            "not valid JSON: unexpected end of input, expected ',' or '}' after a field at offset 6");
    assertThat(error("{\"a\":NaN}"))
        .isEqualTo("not valid JSON: expected a value, found 'N' at offset 5");
  }

  @Test
  void parseJsonRejectsInvalidUtf8AndDeepNesting() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    assertThatThrownBy(() -> FlowRecord.parseJson(bad))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("not valid JSON: invalid UTF-8 at offset 6");
    String deep = "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}";
    assertThatThrownBy(() -> FlowRecord.parseJson(utf8(deep)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("not valid JSON: Document nesting depth (501) exceeds");
  }

  @Test
  void inputOnlyJacksonAcceptsIsReadThroughJackson() {
    byte[] bom = utf8("\uFEFF{\"a\":1}");
    assertThat(FlowRecord.parseJson(bom).get("a")).isEqualTo(IntNode.valueOf(1));
    assertThat(FlowRecord.ofJsonBytes(bom).get("a")).isEqualTo(IntNode.valueOf(1));
    byte[] utf16 = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_16BE);
    FlowRecord r = FlowRecord.parseJson(utf16);
    assertThat(r.get("a")).isEqualTo(TextNode.valueOf("é"));
    assertThat(r.toJson()).isEqualTo("{\"a\":\"é\"}");
  }

  @Test
  void ofJsonBytesChecksNothingUntilRead() {
    FlowRecord r = FlowRecord.ofJsonBytes(utf8("not json"));
    assertThat(r.toJsonBytes()).isEqualTo(utf8("not json"));
    assertThatThrownBy(() -> r.get("a"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("not valid JSON: Unrecognized token 'not'");
    FlowRecord nested = FlowRecord.ofJsonBytes(utf8("{\"a\":{\"b\" 1}}"));
    assertThatThrownBy(() -> nested.get(p("a.b")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("not valid JSON: a malformed object at offset 5");
  }

  @Test
  void anUntouchedRecordGivesBackItsOwnBytes() {
    byte[] in = utf8("{ \"a\" : [1, 2],\n  \"b\": {\"c\": \"\\u00e9\"} }");
    FlowRecord lazy = FlowRecord.ofJsonBytes(in);
    assertThat(lazy.toJsonBytes()).isSameAs(in);
    FlowRecord parsed = FlowRecord.parseJson(in);
    assertThat(parsed.get(p("b.c"))).isEqualTo(TextNode.valueOf("é"));
    assertThat(parsed.toJsonBytes()).isSameAs(in);
    assertThat(parsed.copy().toJsonBytes()).isSameAs(in);
  }

  @Test
  void untouchedFieldsAreSplicedVerbatimAndOnlyEditsAreWritten() {
    FlowRecord r =
        FlowRecord.parseJson(
            utf8("{\"n\": 1.50, \"big\":1e2 ,\"s\":\"\\u0041\\n\",\"o\":{\"x\":1}}"));
    r.set(p("o.y"), IntNode.valueOf(2));
    r.set(p("added"), TextNode.valueOf("tab\there"));
    assertThat(r.toJson())
        .isEqualTo(
            "{\"n\": 1.50,\"big\":1e2,\"s\":\"\\u0041\\n\",\"o\":{\"x\":1,\"y\":2},"
                + "\"added\":\"tab\\there\"}");
  }

  @Test
  void aRepeatedNameKeepsItsFirstPlaceAndItsLastValue() throws IOException {
    String json = "{\"a\":1,\"b\":2,\"a\":{\"x\":3}}";
    FlowRecord r = FlowRecord.parseJson(utf8(json));
    assertThat(r.get(p("a.x"))).isEqualTo(IntNode.valueOf(3));
    assertThat(names(r)).containsExactly("a", "b");
    r.set(p("c"), IntNode.valueOf(4));
    assertThat(r.toJson()).isEqualTo("{\"a\":{\"x\":3},\"b\":2,\"c\":4}");
    assertThat(FlowRecord.ofJsonBytes(utf8(json)).asObjectNode())
        .isEqualTo(Json.MAPPER.readTree(json));
  }

  @Test
  void escapedAndUnicodeNamesMatchTheirDecodedForm() {
    FlowRecord r = FlowRecord.parseJson(utf8("{\"caf\\u00e9\":1,\"日本\":{\"a\\\"b\":2},\"\":3}"));
    assertThat(r.get("café")).isEqualTo(IntNode.valueOf(1));
    assertThat(r.get(FieldPath.of("日本", "a\"b"))).isEqualTo(IntNode.valueOf(2));
    assertThat(r.get(FieldPath.of(""))).isEqualTo(IntNode.valueOf(3));
    assertThat(names(r)).containsExactly("café", "日本", "");
    r.rename(p("café"), p("cafe"));
    r.set(FieldPath.of("日本", "a\"b"), TextNode.valueOf("😀"));
    // changed values are written by Jackson, which escapes surrogate pairs
    assertThat(r.toJson()).isEqualTo("{\"日本\":{\"a\\\"b\":\"\\uD83D\\uDE00\"},\"\":3,\"cafe\":1}");
  }

  @Test
  void bigNumbersStayExact() throws IOException {
    String json =
        "{\"i\":123456789012345678901234567890,\"l\":9223372036854775807,"
            + "\"d\":0.1000000000000000000000001,\"n\":-0,\"e\":2.5E-3}";
    FlowRecord r = FlowRecord.parseJson(utf8(json));
    JsonNode jackson = Json.MAPPER.readTree(json);
    for (String f : List.of("i", "l", "d", "n", "e")) {
      assertThat(r.get(f)).isEqualTo(jackson.get(f));
      assertThat(r.get(f).getClass()).isEqualTo(jackson.get(f).getClass());
    }
    assertThat(r.get("i")).isInstanceOf(BigIntegerNode.class);
    r.set(p("x"), IntNode.valueOf(1));
    assertThat(r.toJson()).startsWith(json.substring(0, json.length() - 1)); // digits kept
  }

  @Test
  void emptyObjectsAndNestedArrays() throws IOException {
    FlowRecord empty = FlowRecord.parseJson(utf8("{ }"));
    assertThat(names(empty)).isEmpty();
    empty.set(p("a.b"), IntNode.valueOf(1));
    assertThat(empty.toJson()).isEqualTo("{\"a\":{\"b\":1}}");
    FlowRecord r = FlowRecord.parseJson(utf8("{\"e\":{},\"m\":[[1,[2,{\"k\":[]}]],[]]}"));
    assertThat(r.get("m")).isEqualTo(Json.MAPPER.readTree("[[1,[2,{\"k\":[]}]],[]]"));
    assertThat(r.get(p("m.k"))).isNull(); // paths do not go into arrays
    r.set(p("e.z"), IntNode.valueOf(0));
    r.set(p("m.k"), IntNode.valueOf(1)); // replaces the array with an object, like the tree
    assertThat(r.toJson()).isEqualTo("{\"e\":{\"z\":0},\"m\":{\"k\":1}}");
  }

  @Test
  void renameMovesTheFieldToTheEndWithoutDecodingIt() {
    FlowRecord r = FlowRecord.parseJson(utf8("{\"a\":{\"deep\":[1,2]},\"b\":2,\"c\":3}"));
    assertThat(r.rename(p("a"), p("z"))).isTrue();
    assertThat(r.rename(p("nope"), p("y"))).isFalse();
    assertThat(r.rename(p("b"), p("c"))).isTrue(); // onto an existing field: it keeps its place
    assertThat(r.rename(p("z.deep"), p("n.deep"))).isTrue();
    assertThat(r.toJson()).isEqualTo("{\"c\":2,\"z\":{},\"n\":{\"deep\":[1,2]}}");
  }

  @Test
  void renameAllTakesEveryValueBeforeSettingAnySoFieldsCanSwap() throws IOException {
    String json = "{\"a\":\"x\\u0041\",\"b\":{\"c\":1.50,\"d\":[true]},\"e\":3}";
    List<FieldPath> from = List.of(p("a"), p("b.c"), p("e"), p("missing"));
    List<FieldPath> to = List.of(p("e"), p("a"), p("b.c"), p("gone"));
    FlowRecord lazy = FlowRecord.parseJson(utf8(json));
    lazy.renameAll(from, to);
    // moved values keep their bytes (the escape, the trailing zero); e was emptied, then set again
    assertThat(lazy.toJson())
        .isEqualTo("{\"b\":{\"d\":[true],\"c\":3},\"e\":\"x\\u0041\",\"a\":1.50}");
    FlowRecord tree = FlowRecord.of((ObjectNode) Json.MAPPER.readTree(json));
    tree.renameAll(from, to);
    assertThat(tree.asObjectNode()).isEqualTo(Json.MAPPER.readTree(lazy.toJson()));
  }

  @Test
  void removedThenSetAgainIsAppended() {
    FlowRecord r = FlowRecord.parseJson(utf8("{\"a\":1,\"b\":2}"));
    assertThat(r.remove(p("a"))).isEqualTo(IntNode.valueOf(1));
    assertThat(r.remove(p("a"))).isNull();
    assertThat(r.drop(p("b.c"))).isFalse();
    r.set(p("a"), IntNode.valueOf(3));
    assertThat(r.toJson()).isEqualTo("{\"b\":2,\"a\":3}");
  }

  @Test
  void copiesShareNothingMutable() {
    FlowRecord r = FlowRecord.parseJson(utf8("{\"o\":{\"x\":1},\"t\":2}"));
    r.set(p("o.y"), Json.NODES.objectNode().put("v", 1));
    FlowRecord c = r.copy();
    c.set(p("o.y.v"), IntNode.valueOf(9));
    c.remove(p("t"));
    ((ObjectNode) c.get(p("o.y"))).put("sneaky", 1); // a value set earlier is owned per copy
    r.set(p("o.x"), IntNode.valueOf(5));
    assertThat(r.toJson()).isEqualTo("{\"o\":{\"x\":5,\"y\":{\"v\":1}},\"t\":2}");
    assertThat(c.toJson()).isEqualTo("{\"o\":{\"x\":1,\"y\":{\"v\":9,\"sneaky\":1}}}");
  }

  @Test
  void theTreeViewReflectsPendingEdits() throws IOException {
    FlowRecord r = FlowRecord.parseJson(utf8("{\"a\":1,\"b\":{\"c\":2}}"));
    r.set(p("b.d"), IntNode.valueOf(3));
    r.remove(p("a"));
    assertThat(r.asObjectNode()).isEqualTo(Json.MAPPER.readTree("{\"b\":{\"c\":2,\"d\":3}}"));
    r.asObjectNodeForWrite().put("e", 4);
    assertThat(r.toJson()).isEqualTo("{\"b\":{\"c\":2,\"d\":3},\"e\":4}");
    FlowRecord untouched = FlowRecord.parseJson(utf8("{ \"a\" : 1 }"));
    untouched.asObjectNode();
    assertThat(untouched.toJson()).isEqualTo("{ \"a\" : 1 }");
  }

  @Test
  void editsAfterWritingBytesStillApply() {
    FlowRecord r = FlowRecord.parseJson(utf8("{\"a\":1}"));
    r.set(p("b"), IntNode.valueOf(2));
    byte[] first = r.toJsonBytes();
    assertThat(r.toJsonBytes()).isSameAs(first);
    r.set(p("a"), IntNode.valueOf(3));
    assertThat(r.toJson()).isEqualTo("{\"a\":3,\"b\":2}");
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1,\"b\":2}");
  }

  @Test
  void equalityComparesContentNotRepresentation() {
    FlowRecord a = FlowRecord.parseJson(utf8("{\"x\":1, \"y\":[1]}"));
    FlowRecord b = FlowRecord.of(Json.NODES.objectNode().put("x", 1));
    b.asObjectNodeForWrite().putArray("y").add(1);
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    b.set(p("x"), IntNode.valueOf(2));
    assertThat(a).isNotEqualTo(b);
  }

  private static List<String> names(FlowRecord r) {
    List<String> out = new ArrayList<>();
    r.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** An origin that counts how often the record asks it for what. */
  private static final class CountingOrigin implements FlowRecord.Origin {
    int ids;
    int metas;

    @Override
    public String runId() {
      ids++;
      return "t-0-" + ids;
    }

    @Override
    public ObjectNode meta() {
      metas++;
      return Json.NODES.objectNode().put("topic", "t").put("offset", metas);
    }
  }

  @Test
  void anOriginIsAskedOnlyWhenTheRunIdOrMetadataIsRead() {
    CountingOrigin o = new CountingOrigin();
    FlowRecord r = FlowRecord.ofJsonBytes(utf8("{\"a\":1}")).origin(o);
    assertThat(r.hasRunId()).isTrue();
    assertThat(r.builtMeta()).isNull();
    assertThat(r.toJson()).isEqualTo("{\"a\":1}");
    assertThat(o.ids + o.metas).isZero();

    assertThat(r.runId()).isEqualTo("t-0-1");
    assertThat(r.runId()).isEqualTo("t-0-1");
    assertThat(o.ids).isEqualTo(1);
    assertThat(o.metas).isZero();

    ObjectNode meta = r.meta();
    assertThat(meta.toString()).isEqualTo("{\"topic\":\"t\",\"offset\":1}");
    assertThat(r.meta()).isSameAs(meta);
    assertThat(r.builtMeta()).isSameAs(meta);
    assertThat(r.metaForWrite()).isSameAs(meta);
    assertThat(o.metas).isEqualTo(1);
  }

  @Test
  void aCopyBuildsItsOwnMetadataFromTheSharedOrigin() {
    CountingOrigin o = new CountingOrigin();
    FlowRecord r = FlowRecord.ofJsonBytes(utf8("{\"a\":1}")).origin(o);
    FlowRecord c = r.copy();
    FlowRecord w = r.withPayload(Json.NODES.objectNode().put("b", 2));
    c.metaForWrite().put("seen", true);
    assertThat(c.meta().toString()).isEqualTo("{\"topic\":\"t\",\"offset\":1,\"seen\":true}");
    assertThat(r.meta().toString()).isEqualTo("{\"topic\":\"t\",\"offset\":2}");
    assertThat(w.meta().toString()).isEqualTo("{\"topic\":\"t\",\"offset\":3}");
    assertThat(w.runId()).isEqualTo("t-0-1");
    assertThat(c.runId()).isEqualTo("t-0-2");
  }

  @Test
  void aRunIdOrMetadataSetOnTheRecordReplacesTheOrigin() {
    CountingOrigin o = new CountingOrigin();
    FlowRecord r = FlowRecord.ofJsonBytes(utf8("{}")).origin(o);
    r.runId("mine").meta(Json.NODES.objectNode().put("k", "v"));
    assertThat(r.runId()).isEqualTo("mine");
    assertThat(r.meta().toString()).isEqualTo("{\"k\":\"v\"}");
    r.meta(null);
    assertThat(r.meta()).isNull();
    assertThat(r.metaForWrite().isEmpty()).isTrue();
    assertThat(o.ids + o.metas).isZero();

    FlowRecord again = FlowRecord.ofJsonBytes(utf8("{}")).runId("old").origin(o);
    assertThat(again.runId()).isEqualTo("t-0-1");
  }

  @Test
  void recordsWithTheSameOriginAreEqual() {
    FlowRecord a = FlowRecord.ofJsonBytes(utf8("{\"a\":1}")).origin(new CountingOrigin());
    FlowRecord b = FlowRecord.ofJsonBytes(utf8("{\"a\":1}")).origin(new CountingOrigin());
    assertThat(a).isEqualTo(b);
    assertThat(a.toString())
        .isEqualTo("FlowRecord{run=t-0-1, payload={\"a\":1}, meta={\"topic\":\"t\",\"offset\":1}}");
  }

  @Test
  void untouchedFieldsAreWrittenAsBeforeWhateverSpacesPartThem() {
    // Fields only a comma parts are copied as one span; spaces between fields are still dropped,
    // so the output is the same as written field by field.
    FlowRecord r =
        FlowRecord.parseJson(utf8("{\"a\":1,\"b\":[2],\"c\":3 , \"d\":{\"e\":4},\"f\":5,\"g\":6}"));
    r.drop(p("f"));
    r.set(p("b"), IntNode.valueOf(7));
    r.rename(p("d.e"), p("h"));
    assertThat(new String(r.toJsonBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1,\"b\":7,\"c\":3,\"d\":{},\"g\":6,\"h\":4}");
  }

  @Test
  void aNestedObjectWithMoreFieldsThanItsFirstGuessIsIndexedWhole() {
    // The index of a nested object is sized from its length and grows: 40 fields of 7-8 bytes.
    StringBuilder b = new StringBuilder("{\"o\":{");
    for (int i = 0; i < 40; i++) {
      b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i % 10);
    }
    FlowRecord r = FlowRecord.parseJson(utf8(b.append("}}").toString()));
    assertThat(r.get(p("o.f39"))).isEqualTo(IntNode.valueOf(9));
    r.rename(p("o.f0"), p("first"));
    assertThat(r.toJson()).startsWith("{\"o\":{\"f1\":1,").endsWith("\"f39\":9},\"first\":0}");
  }

  @Test
  void aRunIdGivenByNumberIsBuiltWhenFirstReadAndTravelsWithCopiesAndSnapshots() {
    List<Long> asked = new ArrayList<>();
    FlowRecord.RunIdSource source =
        n -> {
          asked.add(n);
          return "run-" + n;
        };
    FlowRecord r = FlowRecord.parseJson(utf8("{\"a\":1}")).runId(source, 7);
    assertThat(r.hasRunId()).isTrue();
    FlowRecord.Snapshot s = r.snapshot();
    FlowRecord c = r.copy();
    assertThat(asked).isEmpty();
    assertThat(c.runId()).isEqualTo("run-7");
    assertThat(r.runId()).isEqualTo("run-7");
    r.runId("other");
    r.restore(s);
    assertThat(r.runId()).isEqualTo("run-7");
    assertThat(r.runId("set").runId()).isEqualTo("set");
    assertThat(asked).containsExactly(7L, 7L, 7L);
  }
}
