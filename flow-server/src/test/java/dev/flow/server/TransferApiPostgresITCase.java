package dev.flow.server;

/** The TransferApiContract tests on a real PostgreSQL started by the test. */
class TransferApiPostgresITCase extends TransferApiContract {
  @Override
  String dbUrl() throws Exception {
    return dev.flow.server.testing.Stores.freshPostgres();
  }
}
