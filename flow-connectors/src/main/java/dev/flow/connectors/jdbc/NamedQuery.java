package dev.flow.connectors.jdbc;

import dev.flow.record.FieldPath;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL query whose parameters name record fields, {@code where domain = :customer.domain}, turned
 * into JDBC's {@code ?} form. Quoted text, quoted names, comments and {@code ::} casts are left
 * alone.
 */
public record NamedQuery(String sql, List<FieldPath> params) implements Serializable {

  /** Parses {@code text}; throws {@link IllegalArgumentException} on an empty parameter name. */
  public static NamedQuery parse(String text) {
    StringBuilder sql = new StringBuilder(text.length());
    List<FieldPath> params = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int end = text.indexOf(c, i + 1);
        end = end < 0 ? n : end + 1;
        sql.append(text, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        end = end < 0 ? n : end;
        sql.append(text, i, end);
        i = end;
      } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
        sql.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && isNameStart(text.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && (isNamePart(text.charAt(end)) || dotBeforeName(text, end))) {
          end++;
        }
        params.add(FieldPath.parse(text.substring(i + 1, end)));
        sql.append('?');
        i = end;
      } else {
        sql.append(c);
        i++;
      }
    }
    return new NamedQuery(sql.toString(), List.copyOf(params));
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean dotBeforeName(String s, int i) {
    return s.charAt(i) == '.' && i + 1 < s.length() && isNameStart(s.charAt(i + 1));
  }
}
