package dev.flow.job.remote;

import picocli.CommandLine.Option;

/**
 * The {@code --server}, {@code --token} and {@code --project} options of every command that talks
 * to a Flow server; null where not given, for {@link ClientSettings} to resolve.
 */
public final class ServerOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "The Flow server (default: $FLOW_SERVER, the client config's 'server', or"
              + " http://localhost:8090).")
  public String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "The bearer token (default: $FLOW_TOKEN or the client config's 'token').")
  public String token;

  @Option(
      names = "--project",
      paramLabel = "PROJECT",
      description = "The project (default: the client config's 'project', or default).")
  public String project;
}
