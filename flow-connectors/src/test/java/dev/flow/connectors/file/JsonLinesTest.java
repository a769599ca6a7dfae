package dev.flow.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FlowRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

  private static List<FlowRecord> read(String text, int max) throws Exception {
    JsonLinesFormat.Reader reader =
        new JsonLinesFormat.Reader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max, "run-9", 5);
    List<FlowRecord> out = new ArrayList<>();
    for (FlowRecord r = reader.read(); r != null; r = reader.read()) {
      out.add(r);
    }
    reader.close();
    return out;
  }

  private static List<String> texts(List<FlowRecord> records) {
    List<String> out = new ArrayList<>();
    for (FlowRecord r : records) {
      out.add(new String(r.toJsonBytes(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void oneRecordPerLineSkippingBlankLinesAndCarriageReturns() throws Exception {
    List<FlowRecord> got = read("{\"a\":1}\r\n\n   \n{\"a\":2}\nnot json\n{\"a\":3}", 100);
    assertThat(texts(got)).containsExactly("{\"a\":1}", "{\"a\":2}", "not json", "{\"a\":3}");
    assertThat(got)
        .allSatisfy(
            r -> {
              assertThat(r.runId()).isEqualTo("run-9");
              assertThat(r.triggerTime()).isEqualTo(5);
              assertThat(r.original()).isSameAs(r.toJsonBytes());
            });
  }

  @Test
  void anEmptyFileHasNoRecords() throws Exception {
    assertThat(read("", 10)).isEmpty();
    assertThat(read("\n\n", 10)).isEmpty();
  }

  @Test
  void aLongLineIsCutAtTheLimitAndTheNextLineIsIntact() throws Exception {
    assertThat(texts(read("{\"a\":\"0123456789\"}\n{\"b\":1}\n", 8)))
        .containsExactly("{\"a\":\"01", "{\"b\":1}");
  }

  @Test
  void encoderWritesOneLinePerRecordEvenForPrettyPayloads() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLinesEncoder e = new JsonLinesEncoder();
    e.encode(FlowRecord.ofJsonBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), out);
    e.encode(
        FlowRecord.ofJsonBytes("{\n \"b\": \"x\\ny\"\n}".getBytes(StandardCharsets.UTF_8)), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n{\"b\":\"x\\ny\"}\n");
  }
}
