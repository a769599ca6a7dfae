package dev.flow.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.InvalidRecordException;
import dev.flow.record.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonKeepsTheBytesAsPayloadAndOriginal() {
    byte[] raw = utf8("{\"id\":1,\"name\":\"a\"}");
    FlowRecord r = new RecordDecoder(PayloadFormat.JSON, null, null).decode(raw);
    assertThat(r.toJsonBytes()).isSameAs(raw);
    assertThat(r.original()).isSameAs(raw);
    assertThat(r.get("name").textValue()).isEqualTo("a");
  }

  @Test
  void nonJsonOnAJsonTopicBecomesARecordThatFailsTheCheckWithItsRawBytes() {
    byte[] raw = utf8("oops, not json");
    for (String timeField : new String[] {null, "ts"}) {
      FlowRecord r =
          new RecordDecoder(
                  PayloadFormat.JSON, null, timeField == null ? null : FieldPath.parse(timeField))
              .decode(raw);
      assertThat(r.original()).isSameAs(raw);
      assertThatThrownBy(() -> FlowRecord.parseJson(r.toJsonBytes()))
          .isInstanceOf(InvalidRecordException.class)
          .hasMessage("not valid JSON: expected a JSON object at offset 0");
    }
  }

  @Test
  void stringGoesIntoTheConfiguredField() {
    FlowRecord r =
        new RecordDecoder(PayloadFormat.STRING, FieldPath.parse("body.text"), null)
            .decode(utf8("héllo, world"));
    assertThat(r.toJson()).isEqualTo("{\"body\":{\"text\":\"héllo, world\"}}");
    assertThat(r.original()).isEqualTo(utf8("héllo, world"));
  }

  @Test
  void bytesGoIntoTheFieldAsBase64() {
    FlowRecord r =
        new RecordDecoder(PayloadFormat.BYTES, FieldPath.parse("data"), null)
            .decode(new byte[] {0, (byte) 0xff, 7});
    assertThat(r.toJson()).isEqualTo("{\"data\":\"AP8H\"}");
  }

  @Test
  void tombstonesGiveAnEmptyPayloadMarkedInMeta() {
    FlowRecord json = new RecordDecoder(PayloadFormat.JSON, null, null).decode(null);
    assertThat(json.toJson()).isEqualTo("{}");
    assertThat(json.meta().get("tombstone").booleanValue()).isTrue();
    FlowRecord str =
        new RecordDecoder(PayloadFormat.STRING, FieldPath.parse("v"), null).decode(null);
    assertThat(str.toJson()).isEqualTo("{\"v\":null}");
  }

  @Test
  void eventTimeFromNumbersDigitsAndIsoText() {
    RecordDecoder d = new RecordDecoder(PayloadFormat.JSON, null, FieldPath.parse("meta.at"));
    assertThat(d.decode(utf8("{\"meta\":{\"at\":1714557600000}}")).eventTime())
        .isEqualTo(1714557600000L);
    assertThat(d.decode(utf8("{\"meta\":{\"at\":\"1714557600000\"}}")).eventTime())
        .isEqualTo(1714557600000L);
    assertThat(d.decode(utf8("{\"meta\":{\"at\":\"2024-05-01T10:00:00Z\"}}")).eventTime())
        .isEqualTo(1714557600000L);
    assertThat(d.decode(utf8("{\"meta\":{\"at\":\"2024-05-01T12:00:00+02:00\"}}")).eventTime())
        .isEqualTo(1714557600000L);
    assertThat(d.decode(utf8("{\"meta\":{\"at\":\"yesterday\"}}")).eventTime())
        .isEqualTo(FlowRecord.NO_TIME);
    assertThat(d.decode(utf8("{\"other\":1}")).eventTime()).isEqualTo(FlowRecord.NO_TIME);
  }

  @Test
  void keysAndHeadersAreTextOrBase64() {
    var meta = Json.NODES.objectNode();
    RecordDecoder.putBytes(meta, "key", utf8("k-1"));
    RecordDecoder.putBytes(meta, "bin", new byte[] {(byte) 0xc3, 0x28});
    assertThat(meta.toString())
        .isEqualTo("{\"key\":\"k-1\",\"bin\":\"wyg=\",\"binEncoding\":\"base64\"}");
  }
}
