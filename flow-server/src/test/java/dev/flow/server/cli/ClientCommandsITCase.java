package dev.flow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowQuery;
import dev.flow.job.CliRunner;
import dev.flow.job.init.ProjectTemplate;
import dev.flow.server.testing.Stores;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every client command of the {@code flow} CLI against a real server started in this JVM (H2 in a
 * fresh data folder, a free port), each test in a project of its own; exact outputs.
 */
class ClientCommandsITCase {
  private static final AtomicInteger PROJECTS = new AtomicInteger();
  private static final String QUICKSTART = "../examples/quickstart.yaml";

  @RegisterExtension static final CliServer SERVER = new CliServer();

  private String project;
  private Path dir;

  @BeforeEach
  void project() throws Exception {
    project = "cli" + PROJECTS.incrementAndGet();
    SERVER.client().projects().create(project, null);
    dir = Stores.freshData();
  }

  private CliRunner.Result flow(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", SERVER.url(), "--token", SERVER.admin(), "--project", project));
    return CliRunner.run(all.toArray(String[]::new));
  }

  @Test
  void pushLsGetCpRm() throws Exception {
    assertOk(flow("push", QUICKSTART, "-m", "first"), "Quick start: version 1 (created)\n");
    assertOk(flow("push", QUICKSTART), "Quick start: version 1 (unchanged)\n");
    Path edited = dir.resolve("quickstart.yaml");
    Files.writeString(
        edited, Files.readString(Path.of(QUICKSTART)).replace("amount > 100", "amount > 200"));
    assertOk(flow("push", edited.toString()), "Quick start: version 2 (updated from 1)\n");
    assertOk(flow("cp", "Quick start", "Copy"), "Copy: version 1 (copied from Quick start)\n");

    CliRunner.Result ls = flow("ls");
    assertThat(ls.exitCode()).isZero();
    assertThat(ls.out().lines().map(l -> l.split("\t")[0]).toList())
        .containsExactly("Copy", "Quick start");
    Flow qs = SERVER.client().flows().byName(project, "Quick start");
    assertThat(ls.out()).contains("Quick start\tv2\t" + qs.updatedAt() + "\t\n");
    assertOk(
        flow("ls", "--q", "Cop"),
        "Copy\tv1\t" + SERVER.client().flows().byName(project, "Copy").updatedAt() + "\t\n");

    assertOk(flow("get", "Quick start"), Files.readString(edited));
    assertOk(flow("get", "Quick start", "--version", "1"), Files.readString(Path.of(QUICKSTART)));
    assertThat(SERVER.client().flows().versions(qs.id()))
        .extracting(v -> v.version() + " " + v.message())
        .containsExactly("1 first", "2 ");

    assertOk(flow("rm", "Copy"), "Copy: deleted\n");
    assertThat(SERVER.client().flows().listAll(FlowQuery.all().inProject(project)))
        .extracting(Flow::name)
        .containsExactly("Quick start");
    CliRunner.Result missing = flow("get", "Copy");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("flow get: 404 Not found: no flow named 'Copy' in project '" + project + "'\n");
  }

  @Test
  void aStalePushIsRefusedWith409AndSaysWhichVersionIsCurrent() throws Exception {
    flow("push", QUICKSTART);
    Path edited = dir.resolve("quickstart.yaml");
    Files.writeString(edited, Files.readString(Path.of(QUICKSTART)).replace("100", "200"));
    flow("push", edited.toString());
    Files.writeString(edited, Files.readString(Path.of(QUICKSTART)).replace("100", "300"));
    CliRunner.Result stale = flow("push", edited.toString(), "--base-version", "1");
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.out()).isEmpty();
    assertThat(stale.err())
        .isEqualTo(
            "flow push: 409 The flow changed since your version: the update is based on version 1"
                + " but flow 'Quick start' is at version 2; get the current version, apply your"
                + " change to it and send it again\n");
    assertThat(SERVER.client().flows().byName(project, "Quick start").version()).isEqualTo(2);
  }

  @Test
  void anInvalidFlowIsNotPushedAndItsProblemIsPrintedAgainstTheLocalFile() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "name: bad\n"
            + "stages:\n"
            + "  - name: orders\n"
            + "    action: Inline Records\n"
            + "    props:\n"
            + "      records: [{a: 1}]\n"
            + "    out: [nowhere]\n");
    CliRunner.Result r = flow("push", bad.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            bad
                + ":7:11: error: stage \"orders\" (Inline Records): 'out' names an unknown stage"
                + " \"nowhere\"; stages: orders\n"
                + "1 error, 0 warnings\n"
                + "flow push: "
                + bad
                + " has errors, so it was not pushed (--no-validate pushes it anyway)\n");
    assertThat(SERVER.client().flows().find(project, "bad")).isEmpty();
  }

  @Test
  void exportThenImportWithEachConflictMode() throws Exception {
    flow("push", QUICKSTART);
    Path zip = dir.resolve("x.zip");
    CliRunner.Result export = flow("export", "-o", zip.toString());
    assertThat(export.exitCode()).isZero();
    assertThat(export.out())
        .isEqualTo(zip + ": the project " + project + ", " + Files.size(zip) + " bytes\n");

    assertOk(
        flow("import", zip.toString(), "--on-conflict", "rename"),
        "flows:\n"
            + "  renamed  Quick start -> Quick start (1) (a flow named 'Quick start' exists)\n"
            + "parameter sets: none\n");
    assertOk(
        flow("import", zip.toString(), "--on-conflict", "skip"),
        "flows:\n"
            + "  skipped  Quick start (a flow named 'Quick start' exists)\n"
            + "parameter sets: none\n");
    assertOk(
        flow("import", zip.toString(), "--on-conflict", "replace"),
        "flows:\n"
            + "  replaced Quick start (version 2 is the imported one)\n"
            + "parameter sets: none\n");
    assertThat(SERVER.client().flows().listAll(FlowQuery.all().inProject(project)))
        .extracting(f -> f.name() + " v" + f.version())
        .containsExactly("Quick start v2", "Quick start (1) v1");
  }

  @Test
  void paramsSetGetLsRmWithTheSecretMasked() throws Exception {
    Path file = dir.resolve("kafka.yaml");
    Files.writeString(
        file,
        "parameters:\n  bootstrap: \"k:9092\"\n  password: {value: \"s3cr3t-v4lue\", secret: true}\n");
    assertOk(flow("params", "set", file.toString()), "kafka: created (2 parameters)\n");
    assertOk(flow("params", "ls"), "kafka\t2 parameters\t1 secret\n");
    CliRunner.Result get = flow("params", "get", "kafka");
    assertOk(
        get,
        "name: kafka\nparameters:\n  bootstrap: \"k:9092\"\n  password:\n    value: \"***\"\n"
            + "    secret: true\n");
    // what get printed sets back without losing the secret
    Path back = dir.resolve("back.yaml");
    Files.writeString(back, get.out().replace("k:9092", "k:9093"));
    assertOk(flow("params", "set", back.toString()), "kafka: updated (2 parameters)\n");
    // a flow that uses the set takes it along in an export: masked, or in plain text when asked
    Path uses = dir.resolve("uses.yaml");
    Files.writeString(
        uses,
        Files.readString(Path.of(QUICKSTART))
            .replace("description: Tidies", "description: ${kafka__bootstrap} Tidies"));
    assertOk(
        flow("push", uses.toString(), "--params-set", "kafka"),
        "Quick start: version 1 (created)\n");
    assertThat(SERVER.client().flows().byName(project, "Quick start").parameterSets())
        .containsExactly("kafka");
    Path masked = dir.resolve("masked.zip");
    assertThat(flow("export", "Quick start", "-o", masked.toString()).exitCode()).isZero();
    assertThat(zipText(masked)).contains("k:9093").doesNotContain("s3cr3t-v4lue");
    Path plain = dir.resolve("plain.zip");
    assertThat(flow("export", "-o", plain.toString(), "--plain-secrets").exitCode()).isZero();
    assertThat(zipText(plain)).contains("s3cr3t-v4lue").contains("k:9093");
    assertOk(flow("rm", "Quick start"), "Quick start: deleted\n");
    assertOk(flow("params", "rm", "kafka"), "kafka: deleted\n");
    assertOk(flow("params", "ls"), "");
  }

  @Test
  void applyOfAFlowInitProject() throws Exception {
    ProjectTemplate.named("kafka").write(dir, "shop");
    CliRunner.Result refused = flow("apply", dir.toString());
    String plan =
        "Plan for project "
            + project
            + " on "
            + SERVER.url()
            + ":\n"
            + "  create    parameter set orders  ("
            + dir.resolve("params/local.yaml")
            + ")\n"
            + "  create    flow          shop orders  ("
            + dir.resolve("flows/orders.yaml")
            + ")\n"
            + "2 to create, 0 to update, 0 to delete, 0 unchanged.\n";
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).isEqualTo(plan);
    assertThat(refused.err())
        .isEqualTo(
            "flow apply: not applied: there is no terminal to confirm the plan on; run again with"
                + " --yes to apply it\n");
    assertThat(SERVER.client().flows().listAll(FlowQuery.all().inProject(project))).isEmpty();

    assertOk(
        flow("apply", dir.toString(), "--yes"),
        plan
            + "created parameter set orders\n"
            + "created flow shop orders (version 1)\n"
            + "Applied 2 changes.\n");
    Flow orders = SERVER.client().flows().byName(project, "shop orders");
    assertThat(orders.yaml()).isEqualTo(Files.readString(dir.resolve("flows/orders.yaml")));
    assertThat(orders.parameterSets()).containsExactly("orders");
    assertThat(
            SERVER
                .client()
                .parameterSets()
                .get(project, "orders")
                .parameters()
                .get("groupId")
                .value())
        .isEqualTo("shop-orders");

    assertOk(
        flow("apply", dir.toString()),
        "Plan for project "
            + project
            + " on "
            + SERVER.url()
            + ":\n"
            + "  unchanged parameter set orders  ("
            + dir.resolve("params/local.yaml")
            + ")\n"
            + "  unchanged flow          shop orders  ("
            + dir.resolve("flows/orders.yaml")
            + "; version 1)\n"
            + "0 to create, 0 to update, 0 to delete, 2 unchanged.\n"
            + "Nothing to do.\n");

    flow("push", QUICKSTART);
    Path flowFile = dir.resolve("flows/orders.yaml");
    Files.writeString(flowFile, Files.readString(flowFile).replace("10s", "20s"));
    assertOk(
        flow("apply", dir.toString(), "--yes", "--prune"),
        "Plan for project "
            + project
            + " on "
            + SERVER.url()
            + ":\n"
            + "  unchanged parameter set orders  ("
            + dir.resolve("params/local.yaml")
            + ")\n"
            + "  update    flow          shop orders  ("
            + flowFile
            + "; version 1 -> 2)\n"
            + "  delete    flow          Quick start\n"
            + "0 to create, 1 to update, 1 to delete, 1 unchanged.\n"
            + "updated flow shop orders (version 2)\n"
            + "deleted flow Quick start\n"
            + "Applied 2 changes.\n");
    assertThat(SERVER.client().flows().listAll(FlowQuery.all().inProject(project)))
        .extracting(f -> f.name() + " v" + f.version())
        .containsExactly("shop orders v2");
  }

  @Test
  void aRefusedConnectionNamesTheUrlAndAMissingTokenSaysHowToGiveOne() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRunner.Result r =
        CliRunner.run("ls", "--server", "http://127.0.0.1:" + port, "--token", "x");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "flow ls: cannot connect to the Flow server at http://127.0.0.1:"
                + port
                + " (connection refused); is it running? Set the URL with --server or"
                + " FLOW_SERVER\n");
    CliRunner.Result noToken = CliRunner.run("ls", "--server", SERVER.url(), "--token", "wrong");
    assertThat(noToken.exitCode()).isEqualTo(1);
    assertThat(noToken.err())
        .isEqualTo(
            "flow ls: 401 Unauthorized: the token is not valid\n"
                + "  the server needs a valid token: pass --token, set FLOW_TOKEN, or put 'token:'"
                + " in the client config (see flow push --help)\n");
  }

  private static void assertOk(CliRunner.Result r, String out) {
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(out);
    assertThat(r.exitCode()).isZero();
  }

  private static String zipText(Path zip) throws Exception {
    StringBuilder b = new StringBuilder();
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        b.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return b.toString();
  }
}
