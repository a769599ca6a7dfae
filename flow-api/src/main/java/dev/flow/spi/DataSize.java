package dev.flow.spi;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes as a flow writes it: {@code 512b}, {@code 64kb}, {@code 128mb}, {@code 1gb},
 * {@code 2tb}; units count in 1024s and case does not matter; a bare number is bytes. The unit may
 * also be written {@code k}, {@code kib} or {@code kibibytes} (and so on for the larger ones), as
 * Flink's memory sizes are.
 *
 * @param bytes the number of bytes, 0 or more
 */
public record DataSize(long bytes) implements Comparable<DataSize>, Serializable {

  private static final Pattern TEXT =
      Pattern.compile(
          "(\\d+)\\s*(b|bytes?|kb?|kib|kibibytes|mb?|mib|mebibytes|gb?|gib|gibibytes|tb?|tib"
              + "|tebibytes)?",
          Pattern.CASE_INSENSITIVE);

  private static final String[] UNITS = {"b", "kb", "mb", "gb", "tb"};

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size must not be negative");
    }
  }

  /**
   * Parses {@code 128mb} and the like; throws {@link IllegalArgumentException} with a message such
   * as {@code 'lots' is not a size such as 64mb or 1gb}.
   */
  public static DataSize parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size such as 64mb or 1gb");
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int shift =
        switch (unit.charAt(0)) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          case 't' -> 40;
          default -> 0;
        };
    try {
      long n = Long.parseLong(m.group(1));
      if (n > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return new DataSize(n << shift);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is larger than a size can be");
    }
  }

  /** The size in the largest unit that writes it whole: {@code 128mb}, {@code 1500b}. */
  @Override
  public String toString() {
    int u = 0;
    long n = bytes;
    while (u < UNITS.length - 1 && n != 0 && n % 1024 == 0) {
      n /= 1024;
      u++;
    }
    return n + UNITS[u];
  }

  @Override
  public int compareTo(DataSize o) {
    return Long.compare(bytes, o.bytes);
  }
}
