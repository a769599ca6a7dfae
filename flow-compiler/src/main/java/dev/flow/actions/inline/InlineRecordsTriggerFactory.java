package dev.flow.actions.inline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.actions.support.IndexedSource;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The {@code Inline Records} trigger: emits the records written in the flow, then ends. */
public final class InlineRecordsTriggerFactory implements TriggerFactory<InlineRecordsOptions> {

  @Override
  public String name() {
    return "Inline Records";
  }

  @Override
  public List<String> aliases() {
    return List.of("Inline");
  }

  @Override
  public String description() {
    return "Emits the records listed in the flow, in order, then ends. For manual runs, demos and"
        + " tests.";
  }

  @Override
  public Class<InlineRecordsOptions> optionsClass() {
    return InlineRecordsOptions.class;
  }

  @Override
  public Optional<StageState> state(InlineRecordsOptions o) {
    return Optional.of(StageState.of("the position in the inline records"));
  }

  @Override
  public void validate(InlineRecordsOptions options, ValidationContext ctx) {
    List<JsonNode> records = options.records();
    if (records == null || records.isEmpty()) {
      ctx.warning("records", "no records are listed, so the trigger emits nothing");
      return;
    }
    for (int i = 0; i < records.size(); i++) {
      String problem = problem(records.get(i));
      if (problem != null) {
        ctx.error("records", "records[" + i + "] " + problem);
      }
    }
  }

  @Override
  public boolean isBounded(InlineRecordsOptions options) {
    return true;
  }

  @Override
  public DataStream<FlowRecord> create(InlineRecordsOptions options, TriggerContext ctx)
      throws JsonProcessingException {
    List<JsonNode> records = options.records() == null ? List.of() : options.records();
    byte[][] payloads = new byte[records.size()][];
    for (int i = 0; i < payloads.length; i++) {
      String problem = problem(records.get(i));
      if (problem != null) {
        throw new IllegalArgumentException("records[" + i + "] " + problem);
      }
      payloads[i] = Json.MAPPER.writeValueAsBytes(records.get(i));
    }
    IndexedSource source =
        IndexedSource.builder(new Emit(payloads)).count(payloads.length).ordered(true).build();
    return ctx.fromSource(source);
  }

  private static String problem(JsonNode record) {
    if (record == null || !record.isObject()) {
      String type = record == null || record.isNull() ? "null" : record.getNodeType().name();
      return "is " + type.toLowerCase(java.util.Locale.ROOT) + "; each record must be an object";
    }
    return null;
  }

  /** Maps an index to the inline record at that index. */
  static final class Emit implements GeneratorFunction<Long, FlowRecord> {
    private static final long serialVersionUID = 1L;
    private final byte[][] payloads;

    Emit(byte[][] payloads) {
      this.payloads = payloads;
    }

    @Override
    public FlowRecord map(Long index) {
      byte[] bytes = payloads[index.intValue()];
      return FlowRecord.ofJsonBytes(bytes).original(bytes).triggerTime(System.currentTimeMillis());
    }
  }
}
