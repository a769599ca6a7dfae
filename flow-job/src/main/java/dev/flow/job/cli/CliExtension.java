package dev.flow.job.cli;

import java.util.List;

/**
 * Adds subcommands to {@code flow} from another module, found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/dev.flow.job.cli.CliExtension}: the server module adds {@code
 * flow server} this way, so that the command line does not depend on it.
 */
public interface CliExtension {

  /** The picocli command objects (classes annotated with {@code @Command}) to add. */
  List<Object> commands();
}
