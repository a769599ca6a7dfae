package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Deployment;
import dev.flow.client.model.Flow;
import dev.flow.client.model.NewDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code flow deploy NAME --env E}: deploys a flow of the catalog to an environment. Given a flow
 * file instead of a name, it pushes the file first (as {@code flow push}) and deploys the version
 * pushed.
 */
public final class RemoteDeployCommand extends RemoteCommand {
  private String target;
  private String env;
  private List<String> sets;
  private Integer version;

  /** A deploy of {@code target} (a flow name, or a flow file to push first). */
  public static RemoteDeployCommand of(
      ServerOptions connection,
      String target,
      String env,
      List<String> parameterSets,
      Integer version) {
    RemoteDeployCommand c = new RemoteDeployCommand();
    c.connection = connection;
    c.target = target;
    c.env = env;
    c.sets = parameterSets == null || parameterSets.isEmpty() ? null : parameterSets;
    c.version = version;
    return c;
  }

  @Override
  protected String commandName() {
    return "flow deploy";
  }

  @Override
  protected int run(FlowClient client) throws Exception {
    String name = target;
    Path file = Path.of(target);
    if (Files.isRegularFile(file)) {
      if (version != null) {
        err.println(
            "flow deploy: --version picks a version of a flow on the server; give the flow's"
                + " name, not the file "
                + target);
        return 2;
      }
      PushCommand push = new PushCommand();
      push.connection = connection;
      push.file = file;
      int pushed = push.call();
      if (pushed != 0) {
        return pushed;
      }
      name = LocalFlow.read(file).name();
    }
    Flow f = client.flows().byName(project(), name);
    Deployment d =
        client.deployments().deploy(new NewDeployment(f.id(), null, null, env, version, sets));
    Deployed.print(f.name(), client.deployments().get(d.id()), out);
    return 0;
  }
}
