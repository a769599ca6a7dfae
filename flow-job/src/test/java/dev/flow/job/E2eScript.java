package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the end-to-end scripts of {@code deploy/local/} on a real standalone cluster, echoing
 * and returning its output; skipped with {@code FLOW_E2E=0} or {@code -Dflow.e2e=false}.
 */
final class E2eScript {
  private E2eScript() {}

  /** The lines the script printed; fails unless it exits 0 within {@code minutes}. */
  static List<String> run(String name, int minutes, String... args) throws Exception {
    assumeTrue(
        !"0".equals(System.getenv("FLOW_E2E")) && !"false".equals(System.getProperty("flow.e2e")),
        "the end-to-end tests were switched off with FLOW_E2E=0 or -Dflow.e2e=false");
    Path script = Path.of("../deploy/local", name);
    assertThat(Path.of("target/flow-job.jar")).as("the cluster jar, from mvn package").exists();
    assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();

    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        System.out.println(line);
        lines.add(line);
      }
    }
    assertThat(p.waitFor(minutes, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}
