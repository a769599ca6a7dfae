package dev.flow.parse;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import java.nio.file.Path;

/** Reads a source file as UTF-8 text within a size limit, turning failures into problems. */
final class SourceFiles {

  /** The text of a file, or the problem that kept it from being read. */
  record Text(String text, Problem problem) {}

  private SourceFiles() {}

  static Text read(Path file, int maxBytes) {
    try {
      return new Text(FileText.readUtf8(file, maxBytes), null);
    } catch (FileText.ReadException e) {
      Location at = new Location(file.toString(), e.line(), e.column());
      return new Text(null, Problem.error(at, null, e.getMessage()));
    }
  }
}
