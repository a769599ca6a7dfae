package dev.flow.expr;

import dev.flow.expr.ExpressionException.ExprError;
import java.util.ArrayList;
import java.util.List;

/** Splits template text into literal text and {@code {expression}} parts, with their positions. */
final class TemplateScanner {
  /** One part: literal text, or an expression's text starting at {@code line}:{@code column}. */
  record Part(boolean expression, String text, int line, int column) {}

  private final String s;
  private final List<Part> parts = new ArrayList<>();
  private final List<ExprError> errors = new ArrayList<>();
  private int line = 1;
  private int lineStart;

  TemplateScanner(String source) {
    this.s = source;
    scan();
  }

  List<Part> parts() {
    return parts;
  }

  List<ExprError> errors() {
    return errors;
  }

  private void scan() {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        text.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
        text.append('}');
        i += 2;
      } else if (c == '}') {
        errors.add(error(i, "unmatched '}'; write '}}' for a literal brace"));
        i++;
      } else if (c == '{') {
        int end = closing(i + 1);
        if (end < 0) {
          errors.add(error(i, "unclosed '{'; write '{{' for a literal brace"));
          return;
        }
        if (text.length() > 0) {
          parts.add(new Part(false, text.toString(), 0, 0));
          text.setLength(0);
        }
        String expr = s.substring(i + 1, end);
        if (expr.isBlank()) {
          errors.add(error(i, "empty expression '{}'; write '{{}}' for literal braces"));
        } else {
          parts.add(new Part(true, expr, line, i + 1 - lineStart + 1));
        }
        advanceLines(i, end);
        i = end + 1;
      } else {
        if (c == '\n') {
          line++;
          lineStart = i + 1;
        }
        text.append(c);
        i++;
      }
    }
    if (text.length() > 0 || parts.isEmpty()) {
      parts.add(new Part(false, text.toString(), 0, 0));
    }
  }

  /** The index of the '}' closing an expression that starts at {@code from}, or -1. */
  private int closing(int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  private void advanceLines(int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
  }

  private ExprError error(int index, String message) {
    int l = line;
    int start = lineStart;
    for (int i = start; i < index; i++) {
      if (s.charAt(i) == '\n') {
        l++;
        start = i + 1;
      }
    }
    return new ExprError(l, index - start + 1, message);
  }
}
