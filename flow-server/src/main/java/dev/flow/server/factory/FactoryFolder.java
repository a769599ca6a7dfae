package dev.flow.server.factory;

import dev.flow.factory.Factories;
import dev.flow.factory.ValidatedFactory;
import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.parse.ParameterSets;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A factory laid out as the folder {@code flow factory validate} reads: {@code factory.yaml}, each
 * member flow's pinned text at the path the factory file names (catalog members in {@code
 * .catalog/}), and each parameter set file written from the catalog set it maps to. The server
 * validates and draws a factory by handing this folder to the very code of the command line, then
 * names the files relative to the folder. The folder is private to its owner and deleted on close.
 */
final class FactoryFolder implements AutoCloseable {
  static final String FILE = "factory.yaml";

  private final Path dir;
  private final Map<String, Path> catalog = new LinkedHashMap<>();

  private FactoryFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes the folder.
   *
   * @param yaml the factory file's text
   * @param flows per entry as written (path or catalog name), the flow's text; a missing entry is
   *     reported by the validation
   * @param paths the entries written as {@code path:} (the others are catalog names)
   * @param sets per parameter set file as written, the set's parameters
   */
  static FactoryFolder write(
      String yaml,
      Map<String, String> flows,
      List<String> paths,
      ParameterSets sets,
      Map<String, String> setFiles) {
    try {
      Path dir =
          Files.createTempDirectory(
              "flow-factory",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      FactoryFolder f = new FactoryFolder(dir);
      Files.writeString(dir.resolve(FILE), yaml, StandardCharsets.UTF_8);
      int i = 0;
      for (Map.Entry<String, String> e : flows.entrySet()) {
        Path p;
        if (paths.contains(e.getKey())) {
          p = f.inside(e.getKey());
        } else {
          p = dir.resolve(".catalog").resolve("flow-" + (++i) + ".yaml");
          f.catalog.put(e.getKey(), p);
        }
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<String, String> e : setFiles.entrySet()) {
        Path p = f.inside(e.getKey());
        Map<String, Object> params = new LinkedHashMap<>();
        if (sets.hasSet(e.getValue())) {
          for (String n : sets.names(e.getValue())) {
            ParameterSets.Parameter v = sets.get(e.getValue(), n);
            params.put(n, Map.of("value", v.value(), "secret", v.secret()));
          }
        }
        Files.createDirectories(p.getParent());
        Files.write(
            p,
            ApiJson.MAPPER.writeValueAsBytes(Map.of("name", e.getValue(), "parameters", params)));
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path as written in the factory file, inside the folder; 400 when it leaves it. */
  Path inside(String written) {
    Path p = dir.resolve(written).normalize();
    if (!p.startsWith(dir) || written.startsWith("/") || written.contains("\\")) {
      throw ApiException.badRequest(
          "the factory names '" + written + "', which is outside the factory's folder");
    }
    return p;
  }

  /** Validates with the command line's code; every location names a file relative to the folder. */
  ValidatedFactory validate() {
    ValidatedFactory v =
        Factories.validate(dir.resolve(FILE), List.of(), name -> catalog.get(name));
    return v;
  }

  /** The problems of {@code v}, with the folder's own path taken out of files and messages. */
  List<Problem> problems(ValidatedFactory v) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : v.problems()) {
      out.add(relocate(p));
    }
    return out;
  }

  Problem relocate(Problem p) {
    Location l = p.location();
    Location at = l == null ? null : new Location(shown(l.file()), l.line(), l.column());
    return new Problem(
        at, p.stage(), p.action(), p.severity(), shown(p.message()), shown(p.hint()));
  }

  /** A text with the folder's path taken out, catalog files named by their flow. */
  String shown(String text) {
    if (text == null) {
      return null;
    }
    String t = text;
    for (Map.Entry<String, Path> e : catalog.entrySet()) {
      t = t.replace(e.getValue().toString(), "catalog:" + e.getKey());
    }
    return t.replace(dir + "/", "").replace(dir.toString(), ".");
  }

  @Override
  public void close() {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Nothing more to do: the temporary folder stays.
    }
  }
}
