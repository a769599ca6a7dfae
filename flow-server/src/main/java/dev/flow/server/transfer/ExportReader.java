package dev.flow.server.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files of an export zip into flows and parameter sets, refusing the whole zip when its
 * manifest, format version, metadata or references are wrong.
 */
final class ExportReader {

  record FlowEntry(
      String folder,
      ExportFormat.FlowMeta meta,
      String yaml,
      List<FlowStore.NewVersion> versions) {}

  record FactoryEntry(
      String folder,
      ExportFormat.FactoryMeta meta,
      List<ExportFormat.FactoryVersionMeta> versions,
      List<String> texts) {}

  record Contents(
      List<FlowEntry> flows, List<ExportFormat.SetFile> sets, List<FactoryEntry> factories) {}

  private static final ObjectMapper JSON = ApiJson.MAPPER;

  private ExportReader() {}

  static Contents read(Map<String, byte[]> files) {
    ExportFormat.Manifest m = parse(files, ExportFormat.MANIFEST, ExportFormat.Manifest.class);
    if (!ExportFormat.FORMAT.equals(m.format())) {
      throw SafeZip.refuse("manifest.json: 'format' must be '" + ExportFormat.FORMAT + "'");
    }
    if (m.formatVersion() == null || m.formatVersion() != ExportFormat.VERSION) {
      throw SafeZip.refuse(
          "manifest.json: format version "
              + m.formatVersion()
              + " is not known; this server reads version "
              + ExportFormat.VERSION);
    }
    List<ExportFormat.SetFile> sets = new ArrayList<>();
    Set<String> setNames = new HashSet<>();
    for (ExportFormat.Entry e : list(m.parameterSets())) {
      ExportFormat.SetFile set = parse(files, e.path(), ExportFormat.SetFile.class);
      name(() -> Names.parameterSet(set.name()), e.path());
      if (!setNames.add(set.name())) {
        throw SafeZip.refuse("parameter set '" + set.name() + "' is in the zip twice");
      }
      sets.add(set);
    }
    List<FlowEntry> flows = new ArrayList<>();
    Set<String> flowNames = new HashSet<>();
    for (ExportFormat.Entry e : list(m.flows())) {
      String folder = e.path();
      ExportFormat.FlowMeta meta = parse(files, folder + "/flow.json", ExportFormat.FlowMeta.class);
      name(() -> Names.flow(meta.name()), folder + "/flow.json");
      if (!flowNames.add(meta.name())) {
        throw SafeZip.refuse("flow '" + meta.name() + "' is in the zip twice");
      }
      name(() -> Names.labels(meta.labels()), folder + "/flow.json");
      String yaml = text(files, folder + "/flow.yaml");
      List<FlowStore.NewVersion> versions = new ArrayList<>();
      int expected = 1;
      for (ExportFormat.VersionMeta v : list(meta.versions())) {
        if (v.version() == null || v.version() != expected++) {
          throw SafeZip.refuse(folder + "/flow.json: versions must be numbered 1, 2, 3, ...");
        }
        versions.add(
            new FlowStore.NewVersion(
                text(files, folder + "/" + v.file()),
                v.author() == null ? "import" : v.author(),
                v.message() == null ? "" : v.message(),
                Importer.instant(v.createdAt(), folder + "/flow.json: createdAt")));
      }
      if (versions.isEmpty()) {
        versions.add(
            new FlowStore.NewVersion(
                yaml, "import", "imported", dev.flow.server.store.Database.now()));
      } else if (!versions.get(versions.size() - 1).yaml().equals(yaml)) {
        throw SafeZip.refuse(folder + "/flow.yaml differs from the flow's last version");
      }
      flows.add(new FlowEntry(folder, meta, yaml, versions));
    }
    List<FactoryEntry> factories = new ArrayList<>();
    Set<String> factoryNames = new HashSet<>();
    for (ExportFormat.Entry e : list(m.factories())) {
      String folder = e.path();
      ExportFormat.FactoryMeta meta =
          parse(files, folder + "/factory.json", ExportFormat.FactoryMeta.class);
      name(() -> Names.flow(meta.name()), folder + "/factory.json");
      if (!factoryNames.add(meta.name())) {
        throw SafeZip.refuse("factory '" + meta.name() + "' is in the zip twice");
      }
      List<String> texts = new ArrayList<>();
      int expected = 1;
      for (ExportFormat.FactoryVersionMeta v : list(meta.versions())) {
        if (v.version() == null || v.version() != expected++) {
          throw SafeZip.refuse(folder + "/factory.json: versions must be numbered 1, 2, 3, ...");
        }
        Importer.instant(v.createdAt(), folder + "/factory.json: createdAt");
        texts.add(text(files, folder + "/" + v.file()));
      }
      if (texts.isEmpty()) {
        throw SafeZip.refuse(folder + "/factory.json: a factory has at least one version");
      }
      factories.add(new FactoryEntry(folder, meta, list(meta.versions()), texts));
    }
    return new Contents(flows, sets, factories);
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static void name(Runnable check, String file) {
    try {
      check.run();
    } catch (ApiException e) {
      throw SafeZip.refuse(file + ": " + e.getMessage());
    }
  }

  private static String text(Map<String, byte[]> files, String path) {
    SafeZip.check(path);
    byte[] b = files.get(path);
    if (b == null) {
      throw SafeZip.refuse("the zip has no '" + path + "'");
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private static <T> T parse(Map<String, byte[]> files, String path, Class<T> type) {
    if (path == null) {
      throw SafeZip.refuse("manifest.json names an entry without a path");
    }
    String t = text(files, path);
    try {
      return JSON.readValue(t, type);
    } catch (IOException e) {
      throw SafeZip.refuse(
          path + " is not valid: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
