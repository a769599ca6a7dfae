package dev.flow.job.cli;

import dev.flow.job.init.ProjectTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow init}: scaffolds a project with a working flow, its tests and its parameters. */
@Command(
    name = "init",
    description = {
      "Create a project: a flow, its tests, a parameter set and a README.",
      "Templates: kafka (Kafka in, remap, Kafka out, exactly once) and webhook (a webhook in,"
          + " partitioned files out)."
    })
final class InitCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The project folder; created when missing (default: the current folder).")
  Path dir = Path.of(".");

  @Option(
      names = {"-t", "--template"},
      defaultValue = "kafka",
      description = "kafka or webhook (default: ${DEFAULT-VALUE}).")
  String template;

  @Option(names = "--name", description = "The project's name (default: the folder's name).")
  String name;

  @Option(names = "--force", description = "Overwrite files that already exist.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintStream err = System.err;
    ProjectTemplate t = ProjectTemplate.named(template);
    if (t == null) {
      err.println(
          "flow init: unknown template '"
              + template
              + "'; templates: "
              + String.join(", ", ProjectTemplate.NAMES));
      return 2;
    }
    Path target = dir.toAbsolutePath().normalize();
    String project = name != null ? name : projectName(target);
    if (!project.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      err.println(
          "flow init: '"
              + project
              + "' cannot name a project: use letters, digits, '.', '_' and '-', e.g. --name"
              + " my-flows");
      return 2;
    }
    List<Path> existing = t.existing(target);
    if (!existing.isEmpty() && !force) {
      err.println("flow init: these files exist already; use --force to overwrite them:");
      existing.forEach(p -> err.println("  " + dir.resolve(p)));
      return 1;
    }
    List<Path> written;
    try {
      written = t.write(target, project);
    } catch (IOException e) {
      err.println("flow init: cannot write the project in " + dir + ": " + e);
      return 1;
    }
    PrintStream out = System.out;
    out.println("Created " + t.name() + " project '" + project + "' in " + dir + ":");
    written.forEach(p -> out.println("  " + p));
    out.println();
    nextSteps(dir, t.flowFile().toString(), launcher(), System.getenv("PATH"))
        .forEach(out::println);
    return 0;
  }

  /** The launcher script that started this command, when it says so; else null. */
  private static String launcher() {
    String l = System.getProperty("flow.launcher");
    return l == null || l.isBlank() ? System.getenv("FLOW_LAUNCHER") : l;
  }

  /**
   * The "Next:" lines. They name {@code flow} when it is on {@code path}; else they name the
   * launcher by its absolute path, so they work as printed, and say how to put it on the PATH.
   */
  static List<String> nextSteps(Path dir, String flowFile, String launcher, String path) {
    boolean onPath =
        path != null
            && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .anyMatch(p -> java.nio.file.Files.isExecutable(Path.of(p, "flow")));
    String flow = onPath || launcher == null ? "flow" : launcher;
    String cd = dir.equals(Path.of(".")) ? "" : "cd " + dir + " && ";
    List<String> lines = new java.util.ArrayList<>();
    lines.add("Next:");
    lines.add("  " + cd + flow + " test flows/");
    lines.add(
        "  " + cd + flow + " run " + flowFile + " --params params/local.yaml   (see README.md)");
    if (!onPath) {
      String target = launcher != null ? launcher : "<your Flow>/bin/flow";
      lines.add("");
      lines.add(
          "'flow' is not on your PATH. To call it as 'flow', link the launcher into a folder");
      lines.add("that is, e.g.:");
      lines.add("  mkdir -p ~/.local/bin && ln -sf " + target + " ~/.local/bin/flow");
      lines.add(
          "  export PATH=\"$HOME/.local/bin:$PATH\"   (add this line to ~/.bashrc or ~/.zshrc)");
    }
    return lines;
  }

  private static String projectName(Path target) {
    Path file = target.getFileName();
    return file == null ? "flow" : file.toString();
  }
}
