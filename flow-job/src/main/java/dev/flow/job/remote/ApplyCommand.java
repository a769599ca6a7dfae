package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.FlowClientException;
import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowQuery;
import dev.flow.client.model.FlowUpdate;
import dev.flow.client.model.NewFlow;
import dev.flow.client.model.ParameterSet;
import dev.flow.client.model.Validation;
import dev.flow.job.ProblemPrinter;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flow apply}: makes a project on the server match a folder of flows and parameter sets,
 * after showing the plan and asking (unless {@code --yes}).
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "apply",
    description = {
      "Make a project on the server match a folder: every *.yaml under it that is a flow (not"
          + " *.test.yaml) and the parameter sets in params/*.yaml. Shows the plan (create,"
          + " update, unchanged, delete) and asks before changing anything, unless --yes.",
      "A project made by 'flow init' applies as it is."
    })
public final class ApplyCommand extends RemoteCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The folder (default: .).")
  Path dir = Path.of(".");

  @Option(
      names = {"-y", "--yes"},
      description = "Apply without asking.")
  boolean yes;

  @Option(
      names = "--prune",
      description = "Also delete the flows and parameter sets of the project that are not in DIR.")
  boolean prune;

  @Option(
      names = "--params",
      paramLabel = "FILE",
      description = "The parameter set files to apply instead of DIR/params/*.yaml (repeatable).")
  List<Path> params = new ArrayList<>();

  @Option(names = "--dry-run", description = "Show the plan and change nothing.")
  boolean dryRun;

  @Override
  protected String commandName() {
    return "flow apply";
  }

  @Override
  protected int run(FlowClient client) throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString());
    }
    ApplyFolder folder = ApplyFolder.read(dir, params);
    if (!folder.problems().isEmpty()) {
      err.println("flow apply: " + dir + " cannot be applied:");
      ProblemPrinter.printText(folder.problems(), err);
      return 1;
    }
    Map<String, Flow> serverFlows = new LinkedHashMap<>();
    for (Flow f : client.flows().listAll(FlowQuery.all().inProject(project()).page(0, 500))) {
      serverFlows.put(
          f.name(), folder.flows().containsKey(f.name()) ? client.flows().get(f.id()) : f);
    }
    Map<String, ParameterSet> serverSets = new LinkedHashMap<>();
    client.parameterSets().list(project()).forEach(s -> serverSets.put(s.name(), s));
    ApplyPlan plan = ApplyPlan.of(folder, serverFlows, serverSets, prune);

    String where =
        "project " + (project() == null ? "default" : project()) + " on " + client.server();
    out.println("Plan for " + where + ":");
    plan.print(out);
    List<ApplyPlan.Change> todo = plan.actions();
    if (todo.isEmpty()) {
      out.println("Nothing to do.");
      return 0;
    }
    if (dryRun) {
      return 0;
    }
    if (!yes && !confirmed()) {
      return 1;
    }
    int done = 0;
    boolean validated = false;
    for (ApplyPlan.Change c : todo) {
      if (!validated && c.isFlow() && c.action() != ApplyPlan.Action.delete) {
        validated = true;
        if (!valid(client, todo)) {
          err.println(
              "flow apply: stopped after "
                  + done
                  + " of "
                  + todo.size()
                  + " changes: no flow was changed, since some do not validate");
          return 1;
        }
      }
      try {
        out.println(make(client, c));
        done++;
      } catch (FlowClientException e) {
        String file = c.file() == null ? null : c.file().toString();
        RemoteErrors.print(
            "flow apply: " + c.action() + " " + c.kind() + " " + c.name(),
            e,
            file == null ? f -> f : RemoteErrors.sentFrom(file),
            err);
        err.println(
            "flow apply: stopped after "
                + done
                + " of "
                + todo.size()
                + " changes; the others were not made");
        return 1;
      }
    }
    out.println("Applied " + done + (done == 1 ? " change." : " changes."));
    return 0;
  }

  /** Validates every flow to create or update on the server; prints their problems. */
  private boolean valid(FlowClient client, List<ApplyPlan.Change> todo) {
    boolean ok = true;
    for (ApplyPlan.Change c : todo) {
      if (c.isFlow() && c.action() != ApplyPlan.Action.delete) {
        Validation v =
            client.flows().validateYaml(project(), c.flow().text(), c.flow().parameterSets());
        if (!v.problems().isEmpty()) {
          ProblemPrinter.printText(
              RemoteErrors.problems(v.problems(), RemoteErrors.sentFrom(c.file().toString())), err);
        }
        ok &= v.valid();
      }
    }
    return ok;
  }

  private boolean confirmed() {
    Console console = System.console();
    if (console == null) {
      err.println(
          "flow apply: not applied: there is no terminal to confirm the plan on; run again with"
              + " --yes to apply it");
      return false;
    }
    String answer = console.readLine("Apply these changes? [y/N] ");
    if (answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    err.println("flow apply: not applied");
    return false;
  }

  private String make(FlowClient client, ApplyPlan.Change c) {
    String p = project();
    switch (c.action()) {
      case create -> {
        if (c.isFlow()) {
          Flow f =
              client
                  .flows()
                  .create(
                      p,
                      NewFlow.of(c.flow().text())
                          .withParameterSets(c.flow().parameterSets())
                          .withMessage("flow apply"));
          return "created flow " + f.name() + " (version " + f.version() + ")";
        }
        client.parameterSets().create(p, c.set());
        return "created parameter set " + c.name();
      }
      case update -> {
        if (c.isFlow()) {
          Flow f =
              client
                  .flows()
                  .update(
                      c.remote().id(),
                      FlowUpdate.yaml(c.remote().version(), c.flow().text())
                          .withParameterSets(c.flow().parameterSets())
                          .withMessage("flow apply"));
          return "updated flow " + f.name() + " (version " + f.version() + ")";
        }
        client.parameterSets().update(p, c.set());
        return "updated parameter set " + c.name();
      }
      case delete -> {
        if (c.isFlow()) {
          client.flows().delete(c.remote().id());
        } else {
          client.parameterSets().delete(p, c.name());
        }
        return "deleted " + c.kind() + " " + c.name();
      }
      default -> throw new IllegalStateException("nothing to do for " + c);
    }
  }
}
