package dev.flow.server;

import dev.flow.server.testing.Stores;

/** The catalog API on a real PostgreSQL, started by the test. */
class CatalogApiPostgresITCase extends CatalogApiContract {
  @Override
  String dbUrl() throws Exception {
    return Stores.freshPostgres();
  }
}
