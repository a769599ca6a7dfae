package dev.flow.server.store;

import dev.flow.server.api.ApiException;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules for names of projects, flows, labels, parameter sets and parameters. */
public final class Names {
  private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern SET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*(_[A-Za-z0-9.-]+)*");
  private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");

  private Names() {}

  public static String project(String name) {
    if (name == null || !PROJECT.matcher(name).matches()) {
      throw ApiException.badRequest(
          "a project name is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit: '"
              + name
              + "'");
    }
    return name;
  }

  public static String flow(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("the flow needs a name: give 'name' or a 'name' in the YAML");
    }
    if (name.length() > 200 || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw ApiException.badRequest(
          "a flow name has at most 200 characters and no control characters");
    }
    if (!name.equals(name.strip())) {
      throw ApiException.badRequest("a flow name cannot start or end with spaces");
    }
    return name;
  }

  public static String parameterSet(String name) {
    if (name == null || name.length() > 200 || !SET.matcher(name).matches()) {
      throw ApiException.badRequest(
          "'"
              + name
              + "' is not a valid parameter set name; use letters, digits, '-', '.' and single"
              + " '_'");
    }
    return name;
  }

  public static String parameter(String name) {
    if (name == null || name.length() > 200 || !PARAM.matcher(name).matches()) {
      throw ApiException.badRequest(
          "'" + name + "' is not a valid parameter name; use letters, digits, '_', '-' and '.'");
    }
    return name;
  }

  public static Map<String, String> labels(Map<String, String> labels) {
    if (labels == null) {
      return Map.of();
    }
    labels.forEach(
        (k, v) -> {
          if (k == null || !LABEL_KEY.matcher(k).matches()) {
            throw ApiException.badRequest(
                "a label key is 1 to 100 letters, digits, '.', '_', '/' or '-': '" + k + "'");
          }
          if (v == null || v.length() > 1000) {
            throw ApiException.badRequest("label '" + k + "' needs a value of at most 1000 chars");
          }
        });
    return labels;
  }

  /** Text of at most {@code max} characters, "" for null. */
  public static String text(String s, String what, int max) {
    if (s == null) {
      return "";
    }
    if (s.length() > max) {
      throw ApiException.badRequest(what + " has more than " + max + " characters");
    }
    return s;
  }
}
