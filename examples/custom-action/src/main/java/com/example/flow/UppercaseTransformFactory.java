package com.example.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flow.record.FieldPath;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.ValidationContext;
import java.util.Locale;

/**
 * A custom transform, {@code Uppercase}: upper-cases one text field of each record. A record whose
 * field is not text goes to the error stage; a record without the field passes unchanged.
 */
public final class UppercaseTransformFactory extends RecordTransformFactory<UppercaseOptions> {

  @Override
  public String name() {
    return "Uppercase";
  }

  @Override
  public String description() {
    return "Upper-cases one text field of each record.";
  }

  @Override
  public Class<UppercaseOptions> optionsClass() {
    return UppercaseOptions.class;
  }

  @Override
  public void validate(UppercaseOptions o, ValidationContext ctx) {
    if (o.field().isBlank()) {
      ctx.error("field", "must name a field");
    }
  }

  @Override
  public RecordProcessor createProcessor(UppercaseOptions o, StageContext ctx) {
    FieldPath path = FieldPath.parse(o.field());
    String field = o.field();
    return (record, out) -> {
      JsonNode v = record.get(path);
      if (v != null && !v.isNull()) {
        if (!v.isTextual()) {
          throw new IllegalArgumentException(
              "field '" + field + "' is " + v.getNodeType().name().toLowerCase(Locale.ROOT)
                  + ", not text");
        }
        record.set(path, TextNode.valueOf(v.textValue().toUpperCase(Locale.ROOT)));
      }
      out.collect(record);
    };
  }
}
