package dev.flow.server;

/** The TransferApiContract tests on the embedded default store, H2. */
class TransferApiH2ITCase extends TransferApiContract {
  @Override
  String dbUrl() throws Exception {
    return null;
  }
}
