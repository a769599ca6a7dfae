package dev.flow.parse;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;

/** A YAML factory whose parsers expose the current YAML event, for scalar styles and marks. */
final class EventYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  EventYamlFactory(LoaderOptions options) {
    super(YAMLFactory.builder().loaderOptions(options));
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    return new EventParser(
        ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
  }

  /** A streaming YAML parser that also tells the event behind the current token. */
  static final class EventParser extends YAMLParser {
    EventParser(
        IOContext ctxt,
        int parserFeatures,
        int formatFeatures,
        LoaderOptions options,
        com.fasterxml.jackson.core.ObjectCodec codec,
        Reader reader) {
      super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
    }

    /** Only {@code true} and {@code false} are booleans (YAML 1.2), so {@code NO} stays text. */
    @Override
    protected Boolean _matchYAMLBoolean(String value, int len) {
      return switch (value) {
        case "true", "True", "TRUE" -> Boolean.TRUE;
        case "false", "False", "FALSE" -> Boolean.FALSE;
        default -> null;
      };
    }

    /** The YAML event behind the current token. */
    Event event() {
      return _lastEvent;
    }
  }
}
