package dev.flow.actions.remap;

import static dev.flow.actions.testing.Processors.json;
import static dev.flow.actions.testing.Processors.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.actions.testing.RecordedProblems;
import dev.flow.actions.testing.StageProblems;
import dev.flow.actions.testing.TestOptions;
import dev.flow.spi.RecordProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemapFieldsTest {
  private static final String ORDER =
      "{\"id\":7,\"customer\":{\"name\":\"Ann\",\"email\":\"ann@x.io\",\"ssn\":\"123\"},"
          + "\"debug\":true,\"total\":12.5}";

  private static RecordProcessor remap(String props) {
    return new RemapFieldsTransformFactory()
        .createProcessor(TestOptions.of(RemapFieldsOptions.class, props), null);
  }

  @Test
  void renamesNestedPaths() throws Exception {
    assertThat(run(remap("{rename: {customer.name: buyer, id: order.id}}"), ORDER))
        .containsExactly(
            json(
                "{\"customer\":{\"email\":\"ann@x.io\",\"ssn\":\"123\"},\"debug\":true,"
                    + "\"total\":12.5,\"buyer\":\"Ann\",\"order\":{\"id\":7}}"));
  }

  @Test
  void renameMovesAllValuesAtOnceSoASwapWorks() throws Exception {
    assertThat(run(remap("{rename: {a: b, b: a}}"), "{\"a\":1,\"b\":2}"))
        .containsExactly("{\"b\":1,\"a\":2}");
  }

  @Test
  void dropsNestedPathsAndIgnoresMissingOnes() throws Exception {
    assertThat(run(remap("{drop: [debug, customer.ssn, nothing.here]}"), ORDER))
        .containsExactly(
            json(
                "{\"id\":7,\"customer\":{\"name\":\"Ann\",\"email\":\"ann@x.io\"},\"total\":12.5}"));
  }

  @Test
  void keepsOnlyTheListedPathsInTheirOrder() throws Exception {
    assertThat(run(remap("{keep: [total, customer.name, absent]}"), ORDER))
        .containsExactly("{\"total\":12.5,\"customer\":{\"name\":\"Ann\"}}");
  }

  @Test
  void redactsWithTheDefaultMask() throws Exception {
    assertThat(run(remap("{redact: [customer.email, id]}"), ORDER))
        .containsExactly(
            json(
                "{\"id\":\"***\",\"customer\":{\"name\":\"Ann\",\"email\":\"***\",\"ssn\":\"123\"},"
                    + "\"debug\":true,\"total\":12.5}"));
  }

  @Test
  void redactsWithAGivenText() throws Exception {
    assertThat(run(remap("{redact: [a], redactWith: '[hidden]'}"), "{\"a\":\"x\"}"))
        .containsExactly("{\"a\":\"[hidden]\"}");
  }

  @Test
  void redactsWithSha256HexOfTheText() throws Exception {
    // sha256("abc") and sha256("42"), the text of a number being its JSON.
    assertThat(run(remap("{redact: [s, n], redactMode: hash}"), "{\"s\":\"abc\",\"n\":42}"))
        .containsExactly(
            "{\"s\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\","
                + "\"n\":\"73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049\"}");
  }

  @Test
  void setsConstantJsonValuesAtNestedPathsOverwriting() throws Exception {
    assertThat(
            run(remap("{set: {source: web, meta.version: 2, total: null, tags: [a, b]}}"), ORDER))
        .containsExactly(
            json(
                "{\"id\":7,\"customer\":{\"name\":\"Ann\",\"email\":\"ann@x.io\",\"ssn\":\"123\"},"
                    + "\"debug\":true,\"total\":null,\"source\":\"web\",\"meta\":{\"version\":2},"
                    + "\"tags\":[\"a\",\"b\"]}"));
  }

  @Test
  void setValuesAreNotSharedBetweenRecords() throws Exception {
    List<String> out = run(remap("{set: {m: {k: 1}}}"), "{\"a\":1}", "{\"a\":2}");
    assertThat(out).containsExactly("{\"a\":1,\"m\":{\"k\":1}}", "{\"a\":2,\"m\":{\"k\":1}}");
  }

  @Test
  void appliesKeepDropRedactRenameSetInThatOrder() throws Exception {
    // keep first (so 'debug' is gone before anything else), drop works on kept input names,
    // redact sees input names (customer.email) before rename moves customer, set runs last and
    // overwrites the renamed field.
    String props =
        "{keep: [id, customer, total], drop: [customer.ssn], redact: [customer.email],"
            + " rename: {customer: buyer, total: amount}, set: {amount: 0, buyer.tier: gold}}";
    assertThat(run(remap(props), ORDER))
        .containsExactly(
            "{\"id\":7,\"buyer\":{\"name\":\"Ann\",\"email\":\"***\",\"tier\":\"gold\"},"
                + "\"amount\":0}");
  }

  @Test
  void missingFieldsAreSkippedWhenNotStrict() throws Exception {
    assertThat(run(remap("{rename: {nope: x}, redact: [also.nope]}"), "{\"a\":1}"))
        .containsExactly("{\"a\":1}");
  }

  @Test
  void strictMakesAMissingRenameFieldAnError() {
    RecordProcessor p = remap("{rename: {a: b, nope: x}, strict: true}");
    assertThatThrownBy(() -> run(p, "{\"a\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rename: field 'nope' is missing");
  }

  @Test
  void strictMakesAMissingRedactFieldAnError() {
    RecordProcessor p = remap("{redact: [customer.phone], strict: true}");
    assertThatThrownBy(() -> run(p, ORDER)).hasMessage("redact: field 'customer.phone' is missing");
  }

  @Test
  void aStrictFailureLeavesTheRecordUnchanged() throws Exception {
    RecordProcessor p =
        org.apache.flink.util.InstantiationUtil.clone(
            remap("{drop: [debug], redact: [customer.email], rename: {nope: x}, strict: true}"),
            getClass().getClassLoader());
    dev.flow.record.FlowRecord r = dev.flow.actions.testing.Processors.record(ORDER);
    assertThatThrownBy(
            () ->
                p.process(
                    r,
                    new org.apache.flink.util.Collector<>() {
                      @Override
                      public void collect(dev.flow.record.FlowRecord record) {}

                      @Override
                      public void close() {}
                    }))
        .hasMessage("rename: field 'nope' is missing");
    assertThat(r.toJson()).isEqualTo(json(ORDER));
  }

  @Test
  void validationRejectsFieldsThatKeepOrDropRemoveFirst() {
    RecordedProblems dropped = new RecordedProblems();
    new RemapFieldsTransformFactory()
        .validate(
            TestOptions.of(
                RemapFieldsOptions.class, "{drop: [customer], rename: {customer.name: n}}"),
            dropped);
    assertThat(dropped.lines())
        .containsExactly(
            "error rename: field 'customer.name' is removed by drop first, so it can never be"
                + " renamed");
    RecordedProblems unkept = new RecordedProblems();
    new RemapFieldsTransformFactory()
        .validate(
            TestOptions.of(RemapFieldsOptions.class, "{keep: [id], redact: [customer.email]}"),
            unkept);
    assertThat(unkept.lines())
        .containsExactly(
            "error redact: field 'customer.email' is not kept by keep, so it can never be"
                + " redacted");
    RecordedProblems fine = new RecordedProblems();
    new RemapFieldsTransformFactory()
        .validate(
            TestOptions.of(
                RemapFieldsOptions.class,
                "{keep: [customer.name, id], redact: [customer], rename: {customer: c}}"),
            fine);
    assertThat(fine.lines()).isEmpty();
  }

  @Test
  void strictPassesRecordsThatHaveTheFields() throws Exception {
    assertThat(run(remap("{rename: {a: b}, strict: true}"), "{\"a\":1}"))
        .containsExactly("{\"b\":1}");
  }

  @Test
  void escapedDotsNameFieldsWithDots() throws Exception {
    assertThat(
            run(remap("{rename: {'h.content\\.type': type}}"), "{\"h\":{\"content.type\":\"x\"}}"))
        .containsExactly("{\"h\":{},\"type\":\"x\"}");
  }

  @Test
  void noPropsPassesRecordsUnchanged() throws Exception {
    assertThat(run(remap(""), ORDER)).containsExactly(json(ORDER));
  }

  @Test
  void everyBadPathIsReportedAtItsValueNamingItsProp() {
    assertThat(
            StageProblems.of(
                "Remap Fields",
                """
                keep: ['a..b']
                drop: ['.x']
                rename: {ok: 'y.', 'p..q': z}
                set: {'': 1}"""))
        .containsExactly(
            "f.yaml:10:14: error: stage \"s\" (Remap Fields): prop 'keep[0]': field path 'a..b'"
                + " has an empty segment",
            "f.yaml:11:14: error: stage \"s\" (Remap Fields): prop 'drop[0]': field path '.x'"
                + " has an empty segment",
            "f.yaml:12:20: error: stage \"s\" (Remap Fields): prop 'rename.ok': field path 'y.'"
                + " has an empty segment",
            "f.yaml:12:26: error: stage \"s\" (Remap Fields): prop 'rename': field path 'p..q'"
                + " has an empty segment",
            "f.yaml:13:13: error: stage \"s\" (Remap Fields): prop 'set': a field path must not"
                + " be empty");
  }

  @Test
  void validationRejectsRenamingAFieldThatKeepRemoves() {
    RecordedProblems problems = new RecordedProblems();
    new RemapFieldsTransformFactory()
        .validate(
            TestOptions.of(
                RemapFieldsOptions.class,
                "{keep: [id, customer], rename: {customer.name: n, email: e}}"),
            problems);
    assertThat(problems.lines())
        .containsExactly(
            "error rename: field 'email' is not kept by keep, so it can never be renamed");
  }
}
