package dev.flow.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Flink's standard serializer checks plus round trips of what the record keeps besides JSON. */
class FlowRecordSerializerTest extends SerializerTestBase<FlowRecord> {

  @Override
  protected TypeSerializer<FlowRecord> createSerializer() {
    return FlowRecordSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<FlowRecord> getTypeClass() {
    return FlowRecord.class;
  }

  @Override
  protected FlowRecord[] getTestData() {
    FlowRecord edited =
        FlowRecord.parseJson(bytes("{\"a\": 1, \"b\": {\"c\": [1, 2]}, \"d\": \"x\"}"));
    edited.rename(FieldPath.parse("a"), FieldPath.parse("z"));
    edited.set(FieldPath.parse("b.e"), TextNode.valueOf("new"));
    FlowRecord withMeta = FlowRecord.parseJson(bytes("{\"k\":\"v\"}"));
    withMeta.runId("run-7").triggerTime(-5).eventTime(1_732_350_000_123L);
    withMeta.meta(FlowRecord.metaOf(Map.of("topic", "orders", "partition", 3)));
    withMeta.original(bytes("raw,input,line"));
    return new FlowRecord[] {
      FlowRecord.empty(),
      FlowRecord.ofJsonBytes(bytes("{\"x\" : 1 ,\"y\":[true,null]}")),
      FlowRecord.parseJson(bytes("{\"big\":123456789012345678901234567890,\"d\":0.10}")),
      FlowRecord.parseJson(bytes("{\"caf\\u00e9\":\"\\ud83d\\ude00 ☃\"}")).runId("r"),
      edited,
      withMeta,
      FlowRecord.of(Json.NODES.objectNode().put("n", 1)).triggerTime(Long.MAX_VALUE),
    };
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static FlowRecord roundTrip(FlowRecord r) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    FlowRecordSerializer.INSTANCE.serialize(r, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    FlowRecord back = FlowRecordSerializer.INSTANCE.deserialize(in);
    assertThat(in.available()).isZero();
    return back;
  }

  @Test
  void anUnchangedPayloadTravelsAsTheSameBytes() throws IOException {
    byte[] in = bytes("{ \"a\" : 1.50,\n \"b\":\"\\u0041\" }");
    FlowRecord back = roundTrip(FlowRecord.ofJsonBytes(in));
    assertThat(back.toJsonBytes()).isEqualTo(in);
    assertThat(roundTrip(FlowRecord.parseJson(in)).toJsonBytes()).isEqualTo(in);
  }

  @Test
  void anEditedPayloadTravelsWithItsEdits() throws IOException {
    FlowRecord r = FlowRecord.parseJson(bytes("{\"a\":1,\"b\":{\"c\":2},\"d\":3}"));
    r.set(FieldPath.parse("b.c"), IntNode.valueOf(5));
    r.remove(FieldPath.parse("d"));
    assertThat(roundTrip(r).toJson()).isEqualTo("{\"a\":1,\"b\":{\"c\":5}}");
  }

  @Test
  void theOriginalIsKeptWhetherOrNotItIsThePayload() throws IOException {
    byte[] in = bytes("{\"a\":1}");
    FlowRecord same = FlowRecord.ofJsonBytes(in).original(in);
    FlowRecord back = roundTrip(same);
    assertThat(back.original()).isEqualTo(in);
    assertThat(back.original()).isSameAs(back.toJsonBytes());

    FlowRecord changed = FlowRecord.parseJson(in).original(in);
    changed.set(FieldPath.parse("b"), IntNode.valueOf(2));
    back = roundTrip(changed);
    assertThat(back.original()).isEqualTo(in);
    assertThat(back.toJson()).isEqualTo("{\"a\":1,\"b\":2}");

    assertThat(roundTrip(FlowRecord.ofJsonBytes(in)).original()).isNull();
  }

  @Test
  void metadataAndTimesRoundTrip() throws IOException {
    FlowRecord r =
        FlowRecord.ofJsonBytes(bytes("{}")).runId("rün-1").triggerTime(Long.MIN_VALUE + 1);
    r.eventTime(-1).metaForWrite().put("key", "k1").putObject("headers").put("h", "v");
    FlowRecord back = roundTrip(r);
    assertThat(back.runId()).isEqualTo("rün-1");
    assertThat(back.triggerTime()).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(back.eventTime()).isEqualTo(-1);
    assertThat(back.meta()).isEqualTo(r.meta());
    assertThat(roundTrip(FlowRecord.empty()).eventTime()).isEqualTo(FlowRecord.NO_TIME);
  }

  @Test
  void theEncodingIsCompact() throws IOException {
    byte[] payload = bytes("{\"a\":1}");
    DataOutputSerializer out = new DataOutputSerializer(64);
    FlowRecordSerializer.INSTANCE.serialize(
        FlowRecord.ofJsonBytes(payload).triggerTime(1_732_350_000_000L), out);
    // flags, a 6-byte varint time, a 1-byte length, the payload
    assertThat(out.length()).isEqualTo(1 + 6 + 1 + payload.length);
  }

  @Test
  void copyingSerializedBytesKeepsThemExact() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (FlowRecord r : getTestData()) {
      FlowRecordSerializer.INSTANCE.serialize(r, out);
    }
    byte[] first = out.getCopyOfBuffer();
    DataInputDeserializer in = new DataInputDeserializer(first);
    DataOutputSerializer copy = new DataOutputSerializer(first.length);
    for (int i = 0; i < getTestData().length; i++) {
      FlowRecordSerializer.INSTANCE.copy(in, copy);
    }
    assertThat(copy.getCopyOfBuffer()).isEqualTo(first);
  }

  @Test
  void varintsRoundTripAtTheirEdges() throws IOException {
    long[] longs = {0, 1, -1, 63, 64, -65, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 35};
    int[] ints = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE};
    DataOutputSerializer out = new DataOutputSerializer(16);
    for (long v : longs) {
      FlowRecordSerializer.writeVarLong(out, v);
    }
    for (int v : ints) {
      FlowRecordSerializer.writeVarInt(out, v);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (long v : longs) {
      assertThat(FlowRecordSerializer.readVarLong(in)).isEqualTo(v);
    }
    for (int v : ints) {
      assertThat(FlowRecordSerializer.readVarInt(in)).isEqualTo(v);
    }
  }

  @Test
  void aRecordWithAnOriginTravelsWithWhatTheOriginGives() throws IOException {
    FlowRecord r =
        FlowRecord.ofJsonBytes(bytes("{\"a\":1}"))
            .origin(
                new FlowRecord.Origin() {
                  @Override
                  public String runId() {
                    return "orders-0-7";
                  }

                  @Override
                  public com.fasterxml.jackson.databind.node.ObjectNode meta() {
                    return Json.NODES.objectNode().put("topic", "orders").put("offset", 7);
                  }
                });
    FlowRecord back = roundTrip(r);
    assertThat(back.runId()).isEqualTo("orders-0-7");
    assertThat(back.builtMeta().toString()).isEqualTo("{\"topic\":\"orders\",\"offset\":7}");
    assertThat(back).isEqualTo(r);
  }
}
