package dev.flow;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.parse.ParameterSets;
import dev.flow.parse.ParseResult;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.StageKind;
import dev.flow.translate.CompiledFlow;
import dev.flow.translate.FlowTranslator;
import dev.flow.translate.Translators;
import dev.flow.validate.ActionRegistry;
import dev.flow.validate.FlowValidator;
import dev.flow.validate.ValidatedFlow;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The front door of the compiler: reads a flow (a path, or a {@code file:}/{@code http(s):} URL),
 * parses it with its parameter sets, validates it completely, and translates it into a Flink job.
 */
public final class FlowCompiler {
  private static final int MAX_URL_BYTES = 1 << 20;

  private FlowCompiler() {}

  /** The actions found on the classpath, loaded once. */
  public static ActionRegistry registry() {
    return Registry.INSTANCE;
  }

  /**
   * Parses and validates the flow at {@code location} with the parameter set files given. Every
   * problem is in the result; nothing is thrown for a user's mistake.
   */
  public static ValidatedFlow validate(String location, List<String> paramFiles, boolean strict) {
    ParameterSets.Loaded params = ParameterSets.load(paramFiles.stream().map(Path::of).toList());
    if (!params.unread().isEmpty()) {
      // Every reference to the sets of a file that could not be read would be an error of its
      // own, and so would each prop left holding one: the file's own error is the one to fix.
      return new ValidatedFlow(
          null, FlowSettings.defaults(), List.of(), null, List.copyOf(params.problems()));
    }
    FlowParser parser =
        new FlowParser(
            FlowParser.Options.defaults().withStrict(strict).withParameters(params.sets()));
    ParseResult parsed;
    if (isUrl(location)) {
      String text;
      try {
        text = readUrl(location);
      } catch (IOException | IllegalArgumentException e) {
        return failed(location, "cannot read the flow: " + e.getMessage(), params.problems());
      }
      parsed = parser.parse(text, location);
    } else {
      parsed = parser.parse(Path.of(location));
    }
    ValidatedFlow v = new FlowValidator(registry()).validate(parsed);
    if (params.problems().isEmpty()) {
      return v;
    }
    List<Problem> all = new ArrayList<>(params.problems());
    all.addAll(v.problems());
    return new ValidatedFlow(v.def(), v.settings(), v.stages(), v.errorStage(), all, v.runStage());
  }

  /**
   * Parses and validates a flow's text, named {@code file} in problems, with parameter sets given
   * directly and {@code env} for {@code ${env:NAME}}; the server validates stored flows this way.
   */
  public static ValidatedFlow validateText(
      String text, String file, ParameterSets params, UnaryOperator<String> env, boolean strict) {
    FlowParser parser =
        new FlowParser(
            FlowParser.Options.defaults().withStrict(strict).withParameters(params).withEnv(env));
    return new FlowValidator(registry()).validate(parser.parse(text, file));
  }

  /** Builds the Flink job graph of a valid flow in {@code env}. */
  public static CompiledFlow translate(ValidatedFlow flow, StreamExecutionEnvironment env)
      throws Exception {
    return FlowTranslator.translate(flow, env, Translators.standard());
  }

  /**
   * Builds the Flink job graph with {@code translators}, which tools decorate to swap or watch
   * stages.
   */
  public static CompiledFlow translate(
      ValidatedFlow flow, StreamExecutionEnvironment env, Translators translators)
      throws Exception {
    return FlowTranslator.translate(flow, env, translators);
  }

  /** The kind of the action {@code action} names, or null when there is no such action. */
  public static StageKind kindOf(String action) {
    if (action == null) {
      return null;
    }
    var r = registry().resolve(action);
    return r.ok() ? r.factory().kind() : null;
  }

  private static boolean isUrl(String location) {
    return location.startsWith("http://")
        || location.startsWith("https://")
        || location.startsWith("file:");
  }

  private static String readUrl(String location) throws IOException {
    try (InputStream in = URI.create(location).toURL().openStream()) {
      byte[] bytes = in.readNBytes(MAX_URL_BYTES + 1);
      if (bytes.length > MAX_URL_BYTES) {
        throw new IOException("the flow is larger than " + MAX_URL_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static ValidatedFlow failed(String location, String message, List<Problem> earlier) {
    List<Problem> all = new ArrayList<>(earlier);
    all.add(Problem.error(new Location(location, 0, 0), null, message));
    return new ValidatedFlow(null, FlowSettings.defaults(), List.of(), null, all);
  }

  private static final class Registry {
    static final ActionRegistry INSTANCE = ActionRegistry.load();
  }
}
