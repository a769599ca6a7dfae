package dev.flow.expr;

import java.util.Map;
import java.util.Set;

/** CEL's internal operator function names and how users write them. */
final class Operators {
  private static final Map<String, String> DISPLAY =
      Map.ofEntries(
          Map.entry("_+_", "+"),
          Map.entry("_-_", "-"),
          Map.entry("_*_", "*"),
          Map.entry("_/_", "/"),
          Map.entry("_%_", "%"),
          Map.entry("-_", "-"),
          Map.entry("!_", "!"),
          Map.entry("_==_", "=="),
          Map.entry("_!=_", "!="),
          Map.entry("_<_", "<"),
          Map.entry("_<=_", "<="),
          Map.entry("_>_", ">"),
          Map.entry("_>=_", ">="),
          Map.entry("_&&_", "&&"),
          Map.entry("_||_", "||"),
          Map.entry("_?_:_", "?:"),
          Map.entry("_[_]", "[]"),
          Map.entry("@in", "in"));

  private static final Set<String> ARITHMETIC = Set.of("_+_", "_-_", "_*_", "_/_", "_%_");

  private Operators() {}

  /** How the user writes {@code function}: {@code _*_} becomes {@code *}. */
  static String display(String function) {
    return DISPLAY.getOrDefault(function, function);
  }

  static boolean isOperator(String function) {
    return DISPLAY.containsKey(function);
  }

  static boolean isArithmetic(String function) {
    return ARITHMETIC.contains(function);
  }
}
