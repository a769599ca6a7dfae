package dev.flow.model;

/**
 * A position in a flow source file: the file, a 1-based line and a 1-based column.
 *
 * @param file the file name as the user gave it, or {@code <inline>}
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Location(String file, int line, int column) implements java.io.Serializable {

  /** A location for generated nodes that have no source. */
  public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

  /** This location moved {@code n} columns to the right, on the same line. */
  public Location shift(int n) {
    return line == 0 ? this : new Location(file, line, column + n);
  }

  /** This location moved to a later line and column, for multi-line scalars. */
  public Location at(int lineOffset, int newColumn) {
    return line == 0 ? this : new Location(file, line + lineOffset, newColumn);
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
