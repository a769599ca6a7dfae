package dev.flow.job.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A project skeleton that {@code flow init} writes: files kept as class-path resources under {@code
 * dev/flow/job/init/<name>/}, listed in that folder's {@code files.txt}, with {@code {{project}}}
 * replaced by the project's name.
 */
public final class ProjectTemplate {

  /** The templates there are. */
  public static final List<String> NAMES = List.of("kafka", "webhook");

  private static final String ROOT = "/dev/flow/job/init/";

  private final String name;
  private final List<String> files;

  private ProjectTemplate(String name, List<String> files) {
    this.name = name;
    this.files = files;
  }

  /** The template called {@code name} (any case), or null when there is none. */
  public static ProjectTemplate named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!NAMES.contains(n)) {
      return null;
    }
    List<String> files =
        read(n + "/files.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return new ProjectTemplate(n, files);
  }

  public String name() {
    return name;
  }

  /** The files it writes, relative to the project folder. */
  public List<Path> files() {
    return files.stream().map(Path::of).toList();
  }

  /** The template's flow: its first file under {@code flows/} that is not a test. */
  public Path flowFile() {
    return files().stream()
        .filter(p -> p.startsWith("flows") && !p.toString().endsWith(".test.yaml"))
        .findFirst()
        .orElseThrow();
  }

  /** The files it would write that already exist under {@code dir}. */
  public List<Path> existing(Path dir) {
    return files().stream().filter(f -> Files.exists(dir.resolve(f))).toList();
  }

  /** Writes the files under {@code dir}, creating folders; returns the relative paths written. */
  public List<Path> write(Path dir, String project) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Path f : files()) {
      Path target = dir.resolve(f);
      Files.createDirectories(target.getParent());
      String text = read(name + "/" + resourceName(f));
      Files.writeString(target, text.replace("{{project}}", project), StandardCharsets.UTF_8);
      written.add(f);
    }
    return written;
  }

  /** Dot files are kept as {@code dot-NAME}, since builds leave dot files out of resources. */
  private static String resourceName(Path file) {
    String base = file.getFileName().toString();
    String stored = base.startsWith(".") ? "dot-" + base.substring(1) : base;
    Path parent = file.getParent();
    return parent == null ? stored : parent.toString().replace('\\', '/') + "/" + stored;
  }

  private static String read(String resource) {
    try (InputStream in = ProjectTemplate.class.getResourceAsStream(ROOT + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing template resource " + ROOT + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
