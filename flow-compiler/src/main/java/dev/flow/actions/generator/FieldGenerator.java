package dev.flow.actions.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.SplittableRandom;

/** Makes one field's value for the record with a given index. */
@FunctionalInterface
interface FieldGenerator extends Serializable {

  /**
   * The value for record {@code index}. Random values come from {@code random}, which is seeded
   * from the seed and the index, so the same record always gets the same values.
   */
  JsonNode generate(long index, SplittableRandom random, long nowMillis);
}
