package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.FlowClientException;
import dev.flow.job.ProblemPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;

/**
 * The base of the commands that talk to a Flow server: the {@code --server}, {@code --token} and
 * {@code --project} options, the client, and errors printed as messages and located problems. Exit
 * codes: 0 done, 1 refused or failed, 2 a usage error.
 */
public abstract class RemoteCommand implements Callable<Integer> {

  @Mixin ServerOptions connection = new ServerOptions();

  /** Where the output goes; the standard streams. */
  protected final PrintStream out = System.out;

  protected final PrintStream err = System.err;

  private ClientSettings settings;

  /** {@code flow NAME}, for messages. */
  protected abstract String commandName();

  /** Runs the command with a client; returns the exit code. */
  protected abstract int run(FlowClient client) throws Exception;

  /** Maps the file names in the server's problems to the user's files; identity by default. */
  protected UnaryOperator<String> files() {
    return UnaryOperator.identity();
  }

  /** The project the command works in, null for the server's default. */
  protected String project() {
    return settings.project();
  }

  @Override
  public final Integer call() throws Exception {
    settings =
        ClientSettings.resolve(
            connection.server, connection.token, connection.project, System.getenv());
    if (!settings.problems().isEmpty()) {
      err.println(commandName() + ": the client config has problems:");
      ProblemPrinter.printText(settings.problems(), err);
      return 1;
    }
    FlowClient client;
    try {
      client = FlowClient.builder(settings.server()).token(settings.token()).build();
    } catch (IllegalArgumentException e) {
      err.println(commandName() + ": " + e.getMessage());
      return 2;
    }
    try {
      return run(client);
    } catch (FlowClientException e) {
      RemoteErrors.print(commandName(), e, files(), err);
      return 1;
    } catch (UncheckedIOException e) {
      err.println(commandName() + ": " + describe(e.getCause()));
      return 1;
    } catch (IOException e) {
      err.println(commandName() + ": " + describe(e));
      return 1;
    }
  }

  /** An I/O failure in plain words. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "already exists: " + f.getFile();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
