package dev.flow.server;

/** The catalog API on the embedded default store, H2 in the data folder. */
class CatalogApiH2ITCase extends CatalogApiContract {
  @Override
  String dbUrl() {
    return null;
  }
}
