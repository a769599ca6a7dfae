package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Flow's {@code ./flow} command runs this action from its jar, given with {@code --jars} or {@code
 * FLOW_CLASSPATH}. Runs only inside Flow's checkout, where {@code ../../flow} is.
 */
class LauncherJarsITCase {

  private static final Path LAUNCHER = Path.of("..", "..", "flow").toAbsolutePath().normalize();

  private static Path jar() {
    File[] jars =
        new File("target")
            .listFiles(
                f ->
                    f.getName().startsWith("flow-uppercase-action-")
                        && f.getName().endsWith(".jar")
                        && !f.getName().contains("tests"));
    assertTrue(jars != null && jars.length == 1, "the action's jar is in target/ (mvn package)");
    return jars[0].toPath().toAbsolutePath();
  }

  private record Outcome(int exit, String out, String err) {}

  private static Outcome flow(Map<String, String> env, String... args) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(LAUNCHER), "inside Flow's checkout");
    Path dir = Files.createDirectories(Path.of("target", "launcher-jars").toAbsolutePath());
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("FLOW_CLASSPATH");
    pb.environment().putAll(env);
    pb.environment().put("FLOW_LOG_FILE", dir.resolve("flow.log").toString());
    // No class archive recording: it runs the quick start once, which these tests do not need.
    pb.environment().put("FLOW_CDS", "off");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "flow ended");
    // A checkout whose sources are newer than its jars is built first, and the launcher says so.
    String errText =
        Files.readString(err, StandardCharsets.UTF_8)
            .replaceFirst("^flow: building the project [^\n]*\n", "");
    return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText);
  }

  @Test
  void jarsPutsTheActionOnTheClasspath() throws Exception {
    Outcome o =
        flow(Map.of(), "run", "--no-progress", "--jars", jar().toString(), "flows/uppercase.yaml");
    assertEquals(0, o.exit(), o.err());
    assertEquals("{\"id\":1,\"name\":\"ADA\"}\n{\"id\":2,\"name\":\"BOB\"}\n", o.out(), o.err());
  }

  @Test
  void flowClasspathDoesTheSame() throws Exception {
    Outcome o =
        flow(
            Map.of("FLOW_CLASSPATH", jar().toString()),
            "validate",
            "flows/uppercase.yaml");
    assertEquals(0, o.exit(), o.out() + o.err());
  }

  @Test
  void withoutTheJarTheActionIsUnknown() throws Exception {
    Outcome o = flow(Map.of(), "validate", "flows/uppercase.yaml");
    assertEquals(1, o.exit(), o.out() + o.err());
    assertTrue((o.out() + o.err()).contains("Uppercase"), o.out() + o.err());
  }

  @Test
  void aMissingJarIsNamed() throws Exception {
    Outcome o = flow(Map.of(), "--jars", "target/none.jar", "validate", "flows/uppercase.yaml");
    assertEquals(2, o.exit(), o.err());
    assertEquals(
        "flow: no such jar: target/none.jar (from --jars or FLOW_CLASSPATH)\n", o.err());
  }
}
