package dev.flow.server.factory;

import dev.flow.server.ServerContext;
import dev.flow.server.ServerModule;
import dev.flow.server.api.Routes;

/**
 * Factories in the catalog: several flows as one DAG, versioned, validated and drawn by the command
 * line's code, deployed and stopped as a unit through the deployments module.
 */
public final class FactoryModule implements ServerModule {

  @Override
  public void routes(Routes routes, ServerContext context) {
    new FactoryRoutes(context).register(routes);
  }

  @Override
  public String openApiResource() {
    return "openapi/factories.json";
  }
}
