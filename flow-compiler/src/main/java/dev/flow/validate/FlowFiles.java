package dev.flow.validate;

import dev.flow.model.Location;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves the path of a file that belongs with a flow (a schema, a manifest) against the folder of
 * the flow file it is written in, so a flow reads the same files from whatever folder it is run.
 */
public final class FlowFiles {

  private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  private FlowFiles() {}

  /**
   * {@code path} as written in the file of {@code at}: unchanged when absolute, a URI, or written
   * in a flow that has no folder (text given inline); else relative to the flow file's folder.
   */
  public static String resolve(String path, Location at) {
    String flowFile = at.file();
    if (path.isEmpty() || URI.matcher(path).matches() || flowFile == null) {
      return path;
    }
    try {
      if (Path.of(path).isAbsolute() || URI.matcher(flowFile).matches()) {
        return path;
      }
      Path folder = Path.of(flowFile).getParent();
      return folder == null ? path : folder.resolve(path).normalize().toString();
    } catch (InvalidPathException e) {
      return path;
    }
  }
}
