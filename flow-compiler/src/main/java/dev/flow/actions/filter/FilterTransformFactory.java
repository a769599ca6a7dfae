package dev.flow.actions.filter;

import dev.flow.expr.Condition;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import java.util.List;
import org.apache.flink.util.Collector;

/** {@code Filter}: keeps the records for which a condition is true. */
public final class FilterTransformFactory extends RecordTransformFactory<FilterOptions> {

  @Override
  public String name() {
    return "Filter";
  }

  @Override
  public List<String> aliases() {
    return List.of("Where");
  }

  @Override
  public String description() {
    return "Keeps the records for which a condition is true and counts the others as filtered."
        + " A condition that fails on a record (e.g. a missing field) sends it to the error stage.";
  }

  @Override
  public Class<FilterOptions> optionsClass() {
    return FilterOptions.class;
  }

  @Override
  public RecordProcessor createProcessor(FilterOptions options, StageContext ctx) {
    return new FilterProcessor(options.condition());
  }

  /** Emits the record when the condition holds. */
  static final class FilterProcessor implements RecordProcessor {
    private static final long serialVersionUID = 1L;
    private final Condition condition;

    FilterProcessor(Condition condition) {
      this.condition = condition;
    }

    /** Reads the record only: a retry needs no copy of it. */
    @Override
    public boolean changesRecord() {
      return false;
    }

    /** Computes on the record in memory only: no try could fail transiently. */
    @Override
    public boolean mayFailTransiently() {
      return false;
    }

    @Override
    public void process(FlowRecord record, Collector<FlowRecord> out) {
      if (condition.test(record)) {
        out.collect(record);
      }
    }
  }

  /** Passes records on as they are. */
  @Override
  public FieldEffects fields(FilterOptions o) {
    return FieldEffects.UNCHANGED;
  }
}
