package dev.flow.server.deploy.engine;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the engines. */
final class EngineJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private EngineJson() {}
}
