package dev.flow.actions.inline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.actions.support.IndexedSource;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.record.JsonTypes;
import dev.flow.spi.FieldEffects;
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
    if (options.records() == null || options.records().isEmpty()) {
      ctx.warning("records", "no records are listed, so the trigger emits nothing");
    }
  }

  @Override
  public boolean isBounded(InlineRecordsOptions options) {
    return true;
  }

  @Override
  public DataStream<FlowRecord> create(InlineRecordsOptions options, TriggerContext ctx)
      throws JsonProcessingException {
    List<ObjectNode> records = options.records() == null ? List.of() : options.records();
    byte[][] payloads = new byte[records.size()][];
    for (int i = 0; i < payloads.length; i++) {
      payloads[i] = Json.MAPPER.writeValueAsBytes(records.get(i));
    }
    IndexedSource source =
        IndexedSource.builder(new Emit(payloads)).count(payloads.length).ordered(true).build();
    return ctx.fromSource(source);
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

  /** Emits exactly the fields every one of its records has, with their types when they agree. */
  @Override
  public FieldEffects fields(InlineRecordsOptions o) {
    if (o.records() == null) {
      return FieldEffects.UNKNOWN;
    }
    return FieldEffects.replaced(JsonTypes.commonFields(List.<JsonNode>copyOf(o.records())));
  }
}
