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

  /** Only what the prop types cannot say: field and maxLength are checked when bound. */
  @Override
  public void validate(UppercaseOptions o, ValidationContext ctx) {
    if (o.field().toString().isBlank()) {
      ctx.error("field", "must name a field");
    }
  }

  @Override
  public RecordProcessor createProcessor(UppercaseOptions o, StageContext ctx) {
    FieldPath path = o.field();
    int maxLength = o.maxLength();
    return (record, out) -> {
      JsonNode v = record.get(path);
      if (v != null && !v.isNull()) {
        if (!v.isTextual()) {
          throw new IllegalArgumentException(
              "field '" + path + "' is " + v.getNodeType().name().toLowerCase(Locale.ROOT)
                  + ", not text");
        }
        if (v.textValue().length() > maxLength) {
          throw new IllegalArgumentException(
              "field '" + path + "' is longer than " + maxLength + " characters");
        }
        record.set(path, TextNode.valueOf(v.textValue().toUpperCase(Locale.ROOT)));
      }
      out.collect(record);
    };
  }
}
