package dev.flow.server.deploy;

import dev.flow.server.ServerContext;
import dev.flow.server.ServerModule;
import dev.flow.server.api.Routes;

/**
 * Environments and deployments: the routes under {@code /api/v1/environments} and {@code
 * /api/v1/deployments}, the engines, and the reconciliation of the records with the engines when
 * the server starts.
 */
public final class DeployModule implements ServerModule {
  private Engines engines;

  @Override
  public void routes(Routes routes, ServerContext context) {
    engines = new Engines(context.config());
    DeploymentStore store = new DeploymentStore();
    Deployments deployments = new Deployments(context, store, engines);
    dev.flow.server.runs.RunServices.of(context)
        .localEngine(
            () ->
                engines.of(
                    context
                        .db()
                        .tx(c -> store.environment(c, "local"))
                        .orElseThrow(() -> new IllegalStateException("no local environment"))));
    dev.flow.server.runs.RunServices.of(context)
        .deployedSets(
            new dev.flow.server.runs.RunServices.DeployedSets() {
              @Override
              public java.util.Optional<java.util.List<String>> ofDeployment(String id) {
                return context
                    .db()
                    .tx(c -> store.deployment(c, id))
                    .map(DeploymentStore.Deployment::parameterSets);
              }

              @Override
              public java.util.Optional<java.util.List<String>> ofFlow(String flowId) {
                java.util.List<DeploymentStore.Deployment> all =
                    context.db().tx(c -> store.deployments(c, flowId));
                for (int i = all.size() - 1; i >= 0; i--) {
                  if (!"STOPPED".equals(all.get(i).state())) {
                    return java.util.Optional.of(all.get(i).parameterSets());
                  }
                }
                return java.util.Optional.empty();
              }
            });
    new DeploymentRoutes(context, store, deployments).register(routes);
    new DeploymentMetricsRoutes(deployments, engines).register(routes);
    Thread t = new Thread(deployments::reconcile, "flow-reconcile");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public String openApiResource() {
    return "openapi/deployments.json";
  }

  @Override
  public void stop() {
    if (engines != null) {
      engines.close();
    }
  }
}
