package dev.flow.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flow.model.Location;
import dev.flow.model.Problem;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/** Turns a YAML parser's exception into one plain, located sentence. */
final class YamlMessages {

  private YamlMessages() {}

  /** The problem for {@code e}, thrown while reading {@code text}. */
  static Problem translate(Throwable e, String text, String source) {
    MarkedYAMLException marked = find(e, MarkedYAMLException.class);
    Location at = new Location(source, 1, 1);
    String problem;
    String context = null;
    if (marked != null) {
      Mark m = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      if (m != null) {
        at = new Location(source, m.getLine() + 1, m.getColumn() + 1);
      }
      problem = marked.getProblem();
      context = marked.getContext();
      if (context != null
          && marked.getContextMark() != null
          && (context.contains("quoted scalar") || context.contains("flow "))) {
        Mark c = marked.getContextMark();
        at = new Location(source, c.getLine() + 1, c.getColumn() + 1);
      }
    } else {
      YAMLException y = find(e, YAMLException.class);
      JsonProcessingException j = find(e, JsonProcessingException.class);
      if (y instanceof ReaderException r) {
        problem = "special characters are not allowed";
        at = position(text, source, r.getPosition());
      } else if (y != null) {
        problem = y.getMessage();
      } else if (j != null) {
        problem = j.getOriginalMessage();
        JsonLocation l = j.getLocation();
        if (l != null && l.getLineNr() > 0) {
          at = new Location(source, l.getLineNr(), Math.max(1, l.getColumnNr()));
        }
      } else {
        problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
    }
    Location tab = leadingTab(text, source, at.line());
    if (tab != null) {
      return Problem.error(tab, null, "a tab is used for indentation; YAML indents with spaces");
    }
    return Problem.error(at, null, sentence(problem, context));
  }

  /** The line and column of the code point at {@code index}. */
  private static Location position(String text, String source, int index) {
    int line = 1;
    int col = 1;
    int cp = 0;
    for (int i = 0;
        i < text.length() && cp < index;
        i += Character.charCount(text.codePointAt(i))) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      cp++;
    }
    return new Location(source, line, col);
  }

  /** The first tab in the indentation of a line up to {@code lastLine}, or null. */
  static Location leadingTab(String text, String source, int lastLine) {
    int line = 1;
    int col = 1;
    boolean indent = true;
    for (int i = 0; i < text.length() && line <= lastLine; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
        indent = true;
        continue;
      }
      if (indent && c == '\t') {
        int j = i;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        if (j < text.length() && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
          return new Location(source, line, col);
        }
      } else if (c != ' ') {
        indent = false;
      }
      col++;
    }
    return null;
  }

  private static String sentence(String problem, String context) {
    String p = problem == null ? "" : problem.trim();
    String ctx = context == null ? "" : context.toLowerCase(Locale.ROOT);
    String lower = p.toLowerCase(Locale.ROOT);
    if (lower.contains("mapping values are not allowed")) {
      return "unexpected ':'; quote a value that contains ': ', or check the indentation";
    }
    if (ctx.contains("quoted scalar") && lower.contains("end of stream")) {
      return "this quoted string is not closed";
    }
    if (lower.contains("could not find expected ':'")) {
      return "expected 'key: value' here; check the indentation or a missing ':'";
    }
    if (lower.startsWith("expected <block end>") || lower.contains("expected <block end>")) {
      return "bad indentation: this line does not line up with the lines before it";
    }
    if (lower.contains("did not find expected key")) {
      return "expected a key here; check the indentation";
    }
    if (lower.contains("did not find expected '-' indicator")) {
      return "expected a list item ('- ') here; check the indentation";
    }
    if (ctx.contains("flow sequence") || ctx.contains("flow mapping")) {
      return "this '[' or '{' is not closed, or its items are not separated by ','";
    }
    if (lower.contains("expected a field name")) {
      return "a key must be a plain value, not a list or a mapping";
    }
    if (lower.contains("cannot start any token")) {
      return p.replace("found character", "the character") + "; quote the value";
    }
    if (lower.contains("special characters are not allowed")) {
      return "the file contains a control character that YAML does not allow";
    }
    if (lower.contains("code point") && lower.contains("limit")) {
      return "the file is too large";
    }
    return "invalid YAML: " + p;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
