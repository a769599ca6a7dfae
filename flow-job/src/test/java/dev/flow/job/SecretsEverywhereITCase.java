package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command that prints on a flow whose expression uses a secret parameter, and checks
 * that the secret's value appears in no output, no error record and no written file.
 */
class SecretsEverywhereITCase {
  private static final String SECRET = "s3cr3t-T0ken-9f2c";

  @TempDir Path tmp;

  @Test
  void noCommandPrintsOrWritesTheSecretsValue() throws Exception {
    Path out = tmp.resolve("out");
    Path errors = tmp.resolve("errors");
    Path params = tmp.resolve("p.yaml");
    Files.writeString(
        params,
        "name: p\nparameters:\n  token: {value: \""
            + SECRET
            + "\", secret: true}\n  out: \""
            + out
            + "\"\n  errors: \""
            + errors
            + "\"\n");
    Path flow = tmp.resolve("secret-flow.yaml");
    Files.writeString(
        flow,
        """
        name: Secret flow
        settings:
          errors: {action: Write to File, props: {path: "${p__errors}"}, policy: STAGE_RECORD}
        stages:
          - name: orders
            action: Inline Records
            props:
              records:
                - {id: 1, amount: "5"}
                - {id: 2, amount: x}
            out: [sign]
          - name: sign
            action: Map
            props:
              fields:
                auth: "'Bearer ${p__token}'"
                n: int(amount) + size('${p__token}')
            out: [files]
          - name: files
            action: Write to File
            props:
              path: ${p__out}
        """);
    String f = flow.toString();
    String p = params.toString();
    // A test whose expectation is wrong, so that its report shows the records it got.
    Path test = tmp.resolve("secret-flow.test.yaml");
    Files.writeString(
        test,
        "flow: secret-flow.yaml\nparams: p.yaml\ntests:\n  - name: shows the diff\n"
            + "    expect:\n      files:\n        - {id: 1, auth: nope}\n");
    List<String[]> commands =
        List.of(
            new String[] {"validate", f, "--params", p},
            new String[] {"validate", f, "--params", p, "--format", "json"},
            new String[] {"graph", f, "--params", p},
            new String[] {"preview", f, "--params", p},
            new String[] {"preview", f, "--params", p, "--format", "json"},
            new String[] {"diff", f, f, "--params", p},
            new String[] {"test", test.toString()},
            new String[] {"deploy", f, "--params", p, "--name", "secret-flow"},
            new String[] {"deploy", f, "--params", p, "-o", tmp.resolve("k8s").toString()},
            new String[] {"run", f, "--params", p, "--no-progress"});
    List<String> leaks = new ArrayList<>();
    for (String[] c : commands) {
      CliRunner.Result r = CliRunner.run(c);
      if ((r.out() + r.err()).contains(SECRET)) {
        leaks.add(String.join(" ", c).replace(tmp.toString(), "") + ":\n" + r.out() + r.err());
      }
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      // The publisher's own output holds what the flow computed, secret or not: it is the data.
      for (Path w :
          files
              .filter(Files::isRegularFile)
              .filter(x -> !x.equals(params) && !x.startsWith(out) && !x.equals(test))
              .toList()) {
        if (Files.readString(w).contains(SECRET)) {
          leaks.add("file " + tmp.relativize(w) + ":\n" + Files.readString(w));
        }
      }
    }
    assertThat(leaks).isEmpty();
    // The test ran and failed on the expectation; deploy wrote the parameter file into a Secret.
    assertThat(CliRunner.run("test", test.toString()).out()).contains("FAIL shows the diff");
    assertThat(tmp.resolve("k8s/secret-flow-secret.yaml")).exists();
    // The run did run: the first record out, the second an error record.
    assertThat(contents(out)).contains("\"auth\":\"Bearer ");
    assertThat(contents(errors)).contains("\"stage\":\"sign\"");
  }

  private static String contents(Path dir) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        b.append(Files.readString(f));
      }
    }
    return b.toString();
  }
}
