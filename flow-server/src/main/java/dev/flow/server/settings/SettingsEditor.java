package dev.flow.server.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flow.model.Node;
import dev.flow.parse.NodeJson;
import dev.flow.parse.YamlReader;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Edits settings in a flow's YAML text, line by line, so that everything else (other keys, their
 * order, comments, blank lines) stays as written: a setting present is rewritten on its own line
 * (keeping its comment), a missing one is added under its parent, a null removes it. A flow-style
 * parent such as {@code props: {path: x}} is rewritten in block style first.
 */
public final class SettingsEditor {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/][A-Za-z0-9 ._/:+@-]*");

  private final List<String> lines;
  private final boolean trailingNewline;

  private SettingsEditor(String yaml) {
    this.trailingNewline = yaml.endsWith("\n");
    this.lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
    if (trailingNewline) {
      lines.remove(lines.size() - 1);
    }
  }

  /**
   * The text with {@code settings.<key>} set to each value (a String, Number or Boolean; null
   * removes).
   */
  public static String apply(String yaml, Map<String, Object> changes) {
    SettingsEditor e = new SettingsEditor(yaml);
    for (Map.Entry<String, Object> c : changes.entrySet()) {
      List<String> path = new ArrayList<>();
      path.add("settings");
      path.addAll(Arrays.asList(c.getKey().split("\\.", -1)));
      if (path.stream().anyMatch(String::isEmpty)) {
        throw ApiException.badRequest("'" + c.getKey() + "' is not a setting name");
      }
      e.set(0, e.lines.size(), 0, path, c.getValue());
    }
    String out = String.join("\n", e.lines);
    return e.trailingNewline ? out + "\n" : out;
  }

  private void set(int from, int to, int indent, List<String> keys, Object value) {
    String key = keys.get(0);
    int at = -1;
    for (int i = from; i < to; i++) {
      if (indentOf(lines.get(i)) == indent && keyOf(lines.get(i), indent).equals(key)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      if (value != null) {
        insertChain(lastContent(from, to) + 1, indent, keys, value);
      }
      return;
    }
    String line = lines.get(at);
    String keyText = line.substring(indent, line.indexOf(':', indent));
    String[] vc = splitComment(line.substring(line.indexOf(':', indent) + 1));
    int end = blockEnd(at, indent);
    if (keys.size() == 1) {
      removeRange(at + 1, end);
      if (value == null) {
        lines.remove(at);
      } else {
        lines.set(at, pad(indent) + keyText + ": " + format(value) + vc[1]);
      }
      return;
    }
    String inline = vc[0].strip();
    if (!inline.isEmpty()) {
      List<String> block = new ArrayList<>();
      if (inline.startsWith("{")) {
        YamlReader.Result r =
            new YamlReader(YamlReader.Limits.defaults()).read(inline, "flow.yaml");
        if (r.root() instanceof Node.MapNode m) {
          emit(m, indent + 2, block);
        }
      }
      removeRange(at + 1, end);
      lines.set(at, pad(indent) + keyText + ":" + vc[1]);
      lines.addAll(at + 1, block);
      end = at + 1 + block.size();
    }
    int childIndent = indent + 2;
    for (int i = at + 1; i < end; i++) {
      if (indentOf(lines.get(i)) >= 0) {
        childIndent = indentOf(lines.get(i));
        break;
      }
    }
    set(at + 1, end, childIndent, keys.subList(1, keys.size()), value);
  }

  private void insertChain(int at, int indent, List<String> keys, Object value) {
    List<String> add = new ArrayList<>();
    for (int j = 0; j < keys.size(); j++) {
      String l = pad(indent + 2 * j) + keys.get(j) + ":";
      add.add(j == keys.size() - 1 ? l + " " + format(value) : l);
    }
    lines.addAll(at, add);
  }

  private void emit(Node.MapNode m, int indent, List<String> out) {
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String k = pad(indent) + format(e.getKey()) + ":";
      if (e.getValue() instanceof Node.MapNode child) {
        out.add(k);
        emit(child, indent + 2, out);
      } else if (e.getValue() instanceof Node.ScalarNode s) {
        out.add(
            s.isNull() ? k : k + " " + format(s.value() instanceof String ? s.text() : s.value()));
      } else {
        out.add(k + " " + NodeJson.toJson(e.getValue()));
      }
    }
  }

  /** The index of the last line after {@code at} that belongs to the block of the key there. */
  private int blockEnd(int at, int indent) {
    int end = at + 1;
    for (int i = at + 1; i < lines.size(); i++) {
      int ind = indentOf(lines.get(i));
      if (ind < 0) {
        continue;
      }
      boolean sequenceItem = ind == indent && lines.get(i).startsWith("- ", ind);
      if (ind <= indent && !sequenceItem) {
        break;
      }
      end = i + 1;
    }
    return end;
  }

  private int lastContent(int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (indentOf(lines.get(i)) >= 0) {
        return i;
      }
    }
    return from - 1;
  }

  private void removeRange(int from, int to) {
    if (to > from) {
      lines.subList(from, to).clear();
    }
  }

  /** The indent of a content line; -1 for a blank or comment-only line. */
  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (i == line.length() || line.charAt(i) == '#') {
      return -1;
    }
    return i;
  }

  /** The key of a {@code key: value} line at {@code indent}, unquoted; "" when there is none. */
  private static String keyOf(String line, int indent) {
    int colon = line.indexOf(':', indent);
    if (colon < 0 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ')) {
      return "";
    }
    String k = line.substring(indent, colon).strip();
    if (k.length() >= 2
        && (k.startsWith("\"") && k.endsWith("\"") || k.startsWith("'") && k.endsWith("'"))) {
      k = k.substring(1, k.length() - 1);
    }
    return k;
  }

  /** A value part split into the value and its comment (with the spaces before the '#'). */
  private static String[] splitComment(String rest) {
    char quote = 0;
    for (int i = 0; i < rest.length(); i++) {
      char ch = rest.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '#' && (i == 0 || rest.charAt(i - 1) == ' ')) {
        int s = i;
        while (s > 0 && rest.charAt(s - 1) == ' ') {
          s--;
        }
        return new String[] {rest.substring(0, s), rest.substring(s)};
      }
    }
    return new String[] {rest, ""};
  }

  /** A value as YAML: numbers and booleans plain, a string plain when safe, else JSON-quoted. */
  static String format(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String s = String.valueOf(value);
    if (PLAIN.matcher(s).matches()
        && !s.contains(": ")
        && !s.endsWith(" ")
        && !s.endsWith(":")
        && !s.contains(" #")) {
      return s;
    }
    try {
      return ApiJson.MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pad(int n) {
    return " ".repeat(n);
  }
}
