package dev.flow.server.runs;

/** The RunsApiContract tests on the embedded H2 store. */
class RunsApiH2ITCase extends RunsApiContract {
  @Override
  String dbUrl() {
    return null;
  }
}
