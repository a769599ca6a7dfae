package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flow.record.FieldPath;
import dev.flow.testing.StageHarness;
import org.junit.jupiter.api.Test;

/** The Uppercase action's props, bound by Flow's own binder as a flow's would be. */
class UppercaseOptionsTest {

  @Test
  void propsBindToTheirTypesWithTheirDefaults() {
    UppercaseOptions o = StageHarness.options(new UppercaseTransformFactory(), "{field: a.b}");
    assertEquals(FieldPath.of("a", "b"), o.field());
    assertEquals(10000, o.maxLength());
  }

  /** A value of the wrong type or out of its limits is reported at its line:col, naming its prop. */
  @Test
  void aBadPropValueIsReportedAtItsLineAndColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StageHarness.options(
                    new UppercaseTransformFactory(), "{field: 'customer..name', maxLength: 0}"));
    assertEquals(
        "props:1:9: error: stage \"test\" (Uppercase): prop 'field': field path 'customer..name'"
            + " has an empty segment\n"
            + "props:1:38: error: stage \"test\" (Uppercase): prop 'maxLength' must be from 1 to"
            + " 1000000, found 0",
        e.getMessage());
  }
}
