package dev.flow.server;

/** The ToolsApiContract tests on a real PostgreSQL started by the test. */
class ToolsApiPostgresITCase extends ToolsApiContract {
  @Override
  String dbUrl() throws Exception {
    return dev.flow.server.testing.Stores.freshPostgres();
  }
}
