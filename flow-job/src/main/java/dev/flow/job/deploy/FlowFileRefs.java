package dev.flow.job.deploy;

import dev.flow.spi.Prop;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.lang.reflect.RecordComponent;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a validated flow references through props marked {@link Prop#file()} (schemas,
 * manifests), by their path relative to the flow file's folder, so that a deployment can put them
 * next to the flow.
 */
public final class FlowFileRefs {

  private FlowFileRefs() {}

  /**
   * Every local file the stages of {@code flow} (a flow in the file {@code flowFile}) reference.
   *
   * @throws IllegalArgumentException for a file outside the flow file's folder, which a deployment
   *     could not put in the same place
   */
  public static Map<String, Path> of(ValidatedFlow flow, Path flowFile) {
    Path folder = flowFile.toAbsolutePath().normalize().getParent();
    Map<String, Path> files = new LinkedHashMap<>();
    for (ResolvedStage stage : flow.stages()) {
      collect(stage.options(), folder, stage.name(), files);
      collect(stage.expectedInput(), folder, stage.name(), files);
    }
    if (flow.errorStage() != null) {
      collect(flow.errorStage().options(), folder, flow.errorStage().name(), files);
    }
    return files;
  }

  private static void collect(Object value, Path folder, String stage, Map<String, Path> files) {
    if (value instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v;
        try {
          c.getAccessor().setAccessible(true);
          v = c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        Prop prop = c.getAnnotation(Prop.class);
        if (prop != null && prop.file() && v instanceof String path) {
          add(path, folder, stage, files);
        } else {
          collect(v, folder, stage, files);
        }
      }
    } else if (value instanceof Collection<?> list) {
      list.forEach(v -> collect(v, folder, stage, files));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, folder, stage, files));
    }
  }

  private static void add(String path, Path folder, String stage, Map<String, Path> files) {
    if (path.isBlank() || path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      return; // a URI: read from where it points
    }
    Path file;
    try {
      file = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return;
    }
    if (folder == null || !file.startsWith(folder)) {
      throw new IllegalArgumentException(
          "stage \""
              + stage
              + "\" reads "
              + path
              + ", which is outside the flow's folder "
              + folder
              + "; only files in that folder are deployed with the flow");
    }
    files.put(folder.relativize(file).toString().replace('\\', '/'), file);
  }
}
