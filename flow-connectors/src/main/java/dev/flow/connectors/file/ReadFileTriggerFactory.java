package dev.flow.connectors.file;

import dev.flow.record.FlowRecord;
import dev.flow.spi.IoContext;
import dev.flow.spi.Resource;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The {@code Read File} trigger: JSON lines from a file or a directory, read once (bounded) or
 * watched for new files (unbounded). Each file is one run. Reading positions are checkpointed.
 */
public final class ReadFileTriggerFactory implements TriggerFactory<ReadFileOptions> {

  @Override
  public String name() {
    return "Read File";
  }

  @Override
  public List<String> aliases() {
    return List.of("File", "Read Files", "Directory");
  }

  @Override
  public String description() {
    return "Reads JSON lines from a file or a directory, once or watching for new files. A line"
        + " that is not a JSON object goes to the error stage with its text.";
  }

  @Override
  public Class<ReadFileOptions> optionsClass() {
    return ReadFileOptions.class;
  }

  @Override
  public Optional<StageState> state(ReadFileOptions o) {
    return Optional.of(
        StageState.of("the files still to read and the position in each")
            .setting("path", o.path())
            .setting("glob", o.glob()));
  }

  @Override
  public void validate(ReadFileOptions options, ValidationContext ctx) {
    String path = options.path();
    if (path == null || path.isBlank()) {
      ctx.error("path", "path must name a file or a directory");
    } else if (!hasScheme(path) && !new File(path).exists()) {
      ctx.warning("path", "there is no file or directory '" + path + "' here (yet)");
    }
    if (options.glob() != null) {
      try {
        GlobEnumerator.matcher(options.glob());
      } catch (IllegalArgumentException e) {
        ctx.error("glob", "'" + options.glob() + "' is not a valid glob: " + e.getMessage());
      }
    }
  }

  @Override
  public boolean isBounded(ReadFileOptions options) {
    return options.watch() == null;
  }

  @Override
  public DataStream<FlowRecord> create(ReadFileOptions options, TriggerContext ctx) {
    String glob = options.glob();
    GlobEnumerator.matcher(glob == null ? "*" : glob); // fail early on a bad glob
    FileSource.FileSourceBuilder<FlowRecord> builder =
        FileSource.forBulkFileFormat(
                new JsonLinesFormat(options.maxLineBytes()).withFileNames(), path(options.path()))
            .setFileEnumerator(() -> new GlobEnumerator(glob));
    if (options.watch() != null) {
      builder.monitorContinuously(options.watch());
    }
    return ctx.fromSource(builder.build());
  }

  /** A Flink path; a local path without a scheme is made absolute. */
  static Path path(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("path must name a file or a directory");
    }
    if (hasScheme(text)) {
      return new Path(text);
    }
    return Path.fromLocalFile(new File(text).getAbsoluteFile());
  }

  static boolean hasScheme(String path) {
    return path.matches("^[A-Za-z][A-Za-z0-9+.-]+:/.*");
  }

  /** Reads the files under its path (a directory, or one file). */
  @Override
  public List<Resource> io(ReadFileOptions o, IoContext ctx) {
    if (o.path() == null) {
      return List.of();
    }
    return List.of(
        Resource.reads("file-path", "", normalizePath(o.path())).withMatch(Resource.Match.PATH));
  }

  /**
   * A path without a trailing slash or {@code ./} segments, so that equal folders compare equal.
   */
  static String normalizePath(String path) {
    String p = path.contains("://") ? path : java.nio.file.Path.of(path).normalize().toString();
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
