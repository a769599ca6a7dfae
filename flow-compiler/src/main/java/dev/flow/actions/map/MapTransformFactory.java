package dev.flow.actions.map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;

/** {@code Map}: sets computed fields from expressions over the record. */
public final class MapTransformFactory extends RecordTransformFactory<MapOptions> {

  @Override
  public String name() {
    return "Map";
  }

  @Override
  public List<String> aliases() {
    return List.of("Compute Fields", "Computed Fields");
  }

  @Override
  public String description() {
    return "Sets fields computed by expressions over the record. A record on which an expression"
        + " fails goes to the error stage unchanged.";
  }

  @Override
  public Class<MapOptions> optionsClass() {
    return MapOptions.class;
  }

  @Override
  public void validate(MapOptions options, ValidationContext ctx) {
    if (options.fields() == null) {
      return;
    }
    if (options.fields().isEmpty()) {
      ctx.error("fields", "give at least one field to compute");
    }
  }

  @Override
  public RecordProcessor createProcessor(MapOptions options, StageContext ctx) {
    Map<FieldPath, Expression> fields = options.fields();
    FieldPath[] paths = new FieldPath[fields.size()];
    Expression[] exprs = new Expression[fields.size()];
    int i = 0;
    for (Map.Entry<FieldPath, Expression> e : fields.entrySet()) {
      paths[i] = e.getKey();
      exprs[i] = e.getValue();
      i++;
    }
    return new MapProcessor(paths, exprs);
  }

  /** Evaluates every expression first, so a failure leaves the record as it came in. */
  static final class MapProcessor implements RecordProcessor {
    private static final long serialVersionUID = 1L;
    private final FieldPath[] paths;
    private final Expression[] exprs;
    private transient JsonNode[] values;

    MapProcessor(FieldPath[] paths, Expression[] exprs) {
      this.paths = paths;
      this.exprs = exprs;
    }

    /** Computes on the record in memory only: no try could fail transiently. */
    @Override
    public boolean mayFailTransiently() {
      return false;
    }

    @Override
    public void process(FlowRecord record, Collector<FlowRecord> out) {
      if (values == null) {
        values = new JsonNode[exprs.length];
      }
      for (int i = 0; i < exprs.length; i++) {
        values[i] = exprs[i].evaluateJson(record);
      }
      for (int i = 0; i < exprs.length; i++) {
        record.set(paths[i], values[i]);
      }
      out.collect(record);
    }
  }

  /** Sets every computed field (a record whose expression fails leaves for the error stage). */
  @Override
  public FieldEffects fields(MapOptions o) {
    if (o.fields() == null) {
      return FieldEffects.UNKNOWN;
    }
    List<FieldEffects.Step> steps = new ArrayList<>();
    o.fields().keySet().forEach(p -> steps.add(new FieldEffects.Set(p.toString(), null)));
    return new FieldEffects(steps);
  }
}
