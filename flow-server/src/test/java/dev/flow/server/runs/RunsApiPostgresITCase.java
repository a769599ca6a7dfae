package dev.flow.server.runs;

/** The RunsApiContract tests on a real PostgreSQL started by the test. */
class RunsApiPostgresITCase extends RunsApiContract {
  @Override
  String dbUrl() throws Exception {
    return dev.flow.server.testing.Stores.freshPostgres();
  }
}
