package dev.flow.server;

/** The factories API on the embedded default store, H2 in the data folder. */
class FactoryApiH2ITCase extends FactoryApiContract {
  @Override
  String dbUrl() {
    return null;
  }
}
