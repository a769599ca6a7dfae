package dev.flow.job.remote;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of flows and parameter sets as {@code flow apply} reads it: every {@code *.yaml} under
 * it that is a flow (a mapping with {@code stages}), tests ({@code *.test.yaml}) and hidden or
 * build folders left out, and the parameter set files {@code params/*.yaml} (or those named).
 *
 * @param flows the flows by name
 * @param sets the parameter sets
 * @param problems why the folder cannot be applied, located
 */
record ApplyFolder(Map<String, LocalFlow> flows, ParamFiles.Loaded sets, List<Problem> problems) {

  private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "build", "out");

  /** Reads {@code dir}; {@code paramFiles} replaces {@code params/*.yaml} when not empty. */
  static ApplyFolder read(Path dir, List<Path> paramFiles) throws IOException {
    Path params = dir.resolve("params");
    List<Path> setFiles = paramFiles.isEmpty() ? yamlFiles(params) : paramFiles;
    ParamFiles.Loaded sets = ParamFiles.load(setFiles);
    List<Problem> problems = new ArrayList<>(sets.problems());
    Map<String, LocalFlow> flows = new LinkedHashMap<>();
    for (Path file : flowFiles(dir, params)) {
      LocalFlow f = LocalFlow.read(file);
      if (f.parsed() && !f.isFlow()) {
        continue; // some other YAML file: not a flow, not ours to apply
      }
      if (!f.problems().isEmpty()) {
        problems.addAll(f.problems());
        continue;
      }
      LocalFlow same = flows.get(f.name());
      if (same != null) {
        problems.add(
            Problem.error(
                new Location(file.toString(), 1, 1),
                null,
                "flow '" + f.name() + "' is already defined in " + same.file()));
        continue;
      }
      flows.put(f.name(), f);
    }
    return new ApplyFolder(flows, sets, List.copyOf(problems));
  }

  private static List<Path> flowFiles(Path dir, Path params) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            String n = d.getFileName() == null ? "" : d.getFileName().toString();
            boolean skip =
                !d.equals(dir)
                    && (n.startsWith(".") || SKIPPED_DIRS.contains(n) || d.equals(params));
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            String n = f.getFileName().toString();
            if (isYaml(n) && !n.endsWith(".test.yaml") && !n.endsWith(".test.yml")) {
              files.add(f.normalize());
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> isYaml(p.getFileName().toString()) && Files.isRegularFile(p))
          .map(Path::normalize)
          .sorted()
          .toList();
    }
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
