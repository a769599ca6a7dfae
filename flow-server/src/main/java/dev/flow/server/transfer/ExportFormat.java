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
      List<Entry> parameterSets,
      List<Entry> factories) {}

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

  /**
   * {@code factories/<folder>/factory.json}: a factory's metadata and its history; each version
   * pins its member flows by name and version ({@code factory.yaml} is the current version's text).
   */
  public record FactoryMeta(
      String name,
      String description,
      Integer version,
      String createdAt,
      String updatedAt,
      List<FactoryVersionMeta> versions) {}

  /** One factory version: its text is {@code versions/<n>.yaml} beside factory.json. */
  public record FactoryVersionMeta(
      Integer version,
      String author,
      String message,
      String createdAt,
      String file,
      List<Pin> members,
      Map<String, String> parameterSets) {}

  /** A member flow of a factory version: the entry as written, the flow's name and version. */
  public record Pin(String entry, String flow, Integer version) {}

  /** {@code parameter-sets/<name>.json}: secrets masked as {@code ***} unless exported in plain. */
  public record SetFile(String name, String description, Map<String, Param> parameters) {}
}
