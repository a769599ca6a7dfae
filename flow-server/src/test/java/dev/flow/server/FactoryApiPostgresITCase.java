package dev.flow.server;

import dev.flow.server.testing.Stores;

/** The factories API on a real PostgreSQL, started by the test. */
class FactoryApiPostgresITCase extends FactoryApiContract {
  @Override
  String dbUrl() throws Exception {
    return Stores.freshPostgres();
  }
}
