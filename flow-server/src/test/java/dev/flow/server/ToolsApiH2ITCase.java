package dev.flow.server;

/** The ToolsApiContract tests on the embedded default store, H2. */
class ToolsApiH2ITCase extends ToolsApiContract {
  @Override
  String dbUrl() throws Exception {
    return null;
  }
}
