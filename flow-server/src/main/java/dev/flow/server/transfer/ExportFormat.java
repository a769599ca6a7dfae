package dev.flow.server.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flow.server.store.ParameterSetStore.Param;
import java.util.List;
import java.util.Map;

/** The files of an export zip (format version 1), as JSON documents. See docs/export-format.md. */
public final class ExportFormat {
  public static final String FORMAT = "flow-export";
  public static final int VERSION = 1;
  public static final String MANIFEST = "manifest.json";

  private ExportFormat() {}

  /** {@code manifest.json}: what the zip holds and in which format. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Manifest(
      String format,
      Integer formatVersion,
      String project,
      String exportedAt,
      Boolean plainSecrets,
      List<Entry> flows,
      List<Entry> parameterSets) {}

  /** A flow's folder or a parameter set's file in the zip. */
  public record Entry(String name, String path) {}

  /** {@code flows/<folder>/flow.json}: a flow's metadata and its history. */
  public record FlowMeta(
      String name,
      String description,
      Map<String, String> labels,
      List<String> parameterSets,
      Integer version,
      String createdAt,
      String updatedAt,
      List<VersionMeta> versions) {}

  /** One version: its text is {@code versions/<n>.yaml} beside flow.json. */
  public record VersionMeta(
      Integer version, String author, String message, String createdAt, String file) {}

  /** {@code parameter-sets/<name>.json}: secrets masked as {@code ***} unless exported in plain. */
  public record SetFile(String name, String description, Map<String, Param> parameters) {}
}
