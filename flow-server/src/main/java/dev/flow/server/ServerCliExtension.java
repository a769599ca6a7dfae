package dev.flow.server;

import dev.flow.job.cli.CliExtension;
import java.util.List;

/** Adds {@code flow server} to the command line. */
public final class ServerCliExtension implements CliExtension {
  @Override
  public List<Object> commands() {
    return List.of(new ServerCommand());
  }
}
