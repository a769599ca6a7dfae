package dev.flow.server.transfer;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.factory.FactoryStore;
import dev.flow.server.factory.FactoryStore.FactoryRecord;
import dev.flow.server.store.Database;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.ParameterSetStore.SetRecord;
import dev.flow.server.store.StoredFlow;
import dev.flow.server.store.VersionRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes flows with their whole history and the parameter sets they use into a zip that is easy to
 * diff once unzipped: the YAML as written, pretty JSON in a stable order for the rest.
 */
public final class Exporter {
  private static final ObjectWriter PRETTY = ApiJson.MAPPER.writerWithDefaultPrettyPrinter();

  private static final FactoryStore FACTORIES = new FactoryStore();

  private final ServerContext s;

  public Exporter(ServerContext s) {
    this.s = s;
  }

  /** The zip of the named flows of {@code project} (all its flows when {@code names} is empty). */
  public byte[] export(String project, List<String> names, boolean plainSecrets) {
    return export(project, names, List.of(), plainSecrets);
  }

  /**
   * The zip of the named flows and factories of {@code project}, with the flows the factories pin;
   * everything when both lists are empty.
   */
  public byte[] export(
      String project, List<String> names, List<String> factoryNames, boolean plainSecrets) {
    return s.db().tx(c -> write(c, project, names, factoryNames, plainSecrets));
  }

  private byte[] write(
      Connection c, String project, List<String> names, List<String> factoryNames, boolean plain)
      throws SQLException {
    List<FactoryRecord> factories = new ArrayList<>();
    if (names.isEmpty() && factoryNames.isEmpty()) {
      for (FactoryRecord f : FACTORIES.list(c, project)) {
        factories.add(FACTORIES.require(c, f.id()));
      }
    } else {
      for (String n : new LinkedHashSet<>(factoryNames)) {
        factories.add(
            FACTORIES
                .byName(c, project, n)
                .orElseThrow(
                    () ->
                        ApiException.notFound(
                            "no factory named '" + n + "' in project '" + project + "'")));
      }
    }
    Map<String, List<FactoryStore.Version>> histories = new LinkedHashMap<>();
    Set<String> pinned = new LinkedHashSet<>();
    for (FactoryRecord f : factories) {
      List<FactoryStore.Version> vs = FACTORIES.versions(c, f.id(), true);
      histories.put(f.id(), vs);
      vs.forEach(v -> v.members().forEach(m -> pinned.add(m.flowId())));
    }
    List<StoredFlow> flows = new ArrayList<>();
    if (names.isEmpty() && factoryNames.isEmpty()) {
      int page = 0;
      while (true) {
        FlowStore.Page p =
            s.flows().list(c, new FlowStore.Query(project, null, List.of(), null), page++, 500);
        for (StoredFlow f : p.items()) {
          flows.add(s.flows().require(c, f.id()));
        }
        if (p.items().size() < 500) {
          break;
        }
      }
    } else {
      for (String n : new LinkedHashSet<>(names)) {
        flows.add(
            s.flows()
                .byName(c, project, n)
                .orElseThrow(
                    () ->
                        ApiException.notFound(
                            "no flow named '" + n + "' in project '" + project + "'")));
      }
    }
    Set<String> listed = new HashSet<>();
    flows.forEach(f -> listed.add(f.id()));
    for (String id : pinned) {
      if (listed.add(id)) {
        if (s.flows().get(c, id).isPresent()) {
          flows.add(s.flows().require(c, id));
        }
      }
    }
    Set<String> setNames = new LinkedHashSet<>();
    flows.forEach(f -> setNames.addAll(f.parameterSets()));
    histories.values().stream()
        .flatMap(List::stream)
        .forEach(v -> setNames.addAll(v.parameterSets().values()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<ExportFormat.Entry> flowEntries = new ArrayList<>();
    List<ExportFormat.Entry> setEntries = new ArrayList<>();
    Set<String> folders = new HashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (StoredFlow f : flows) {
        String folder = "flows/" + unique(slug(f.name()), folders);
        List<VersionRecord> versions = s.flows().versions(c, f.id(), true);
        List<ExportFormat.VersionMeta> metas = new ArrayList<>();
        for (VersionRecord v : versions) {
          String file = "versions/" + v.version() + ".yaml";
          put(zip, folder + "/" + file, v.yaml().getBytes(StandardCharsets.UTF_8));
          metas.add(
              new ExportFormat.VersionMeta(
                  v.version(), v.author(), v.message(), v.createdAt().toString(), file));
        }
        put(zip, folder + "/flow.yaml", f.yaml().getBytes(StandardCharsets.UTF_8));
        put(
            zip,
            folder + "/flow.json",
            json(
                new ExportFormat.FlowMeta(
                    f.name(),
                    f.description(),
                    f.labels(),
                    f.parameterSets(),
                    f.version(),
                    f.createdAt().toString(),
                    f.updatedAt().toString(),
                    metas)));
        flowEntries.add(new ExportFormat.Entry(f.name(), folder));
      }
      List<ExportFormat.Entry> factoryEntries = new ArrayList<>();
      Set<String> factoryFolders = new HashSet<>();
      for (FactoryRecord f : factories) {
        String folder = "factories/" + unique(slug(f.name()), factoryFolders);
        List<ExportFormat.FactoryVersionMeta> metas = new ArrayList<>();
        for (FactoryStore.Version v : histories.get(f.id())) {
          String file = "versions/" + v.version() + ".yaml";
          put(zip, folder + "/" + file, v.yaml().getBytes(StandardCharsets.UTF_8));
          metas.add(
              new ExportFormat.FactoryVersionMeta(
                  v.version(),
                  v.author(),
                  v.message(),
                  v.createdAt().toString(),
                  file,
                  v.members().stream()
                      .map(m -> new ExportFormat.Pin(m.entry(), m.flow(), m.version()))
                      .toList(),
                  v.parameterSets()));
        }
        put(zip, folder + "/factory.yaml", f.yaml().getBytes(StandardCharsets.UTF_8));
        put(
            zip,
            folder + "/factory.json",
            json(
                new ExportFormat.FactoryMeta(
                    f.name(),
                    f.description(),
                    f.version(),
                    f.createdAt().toString(),
                    f.updatedAt().toString(),
                    metas)));
        factoryEntries.add(new ExportFormat.Entry(f.name(), folder));
      }
      for (String n : setNames) {
        SetRecord set = s.parameterSets().require(c, project, n);
        SetRecord shown = plain ? set : set.masked();
        String path = "parameter-sets/" + n + ".json";
        put(
            zip,
            path,
            json(new ExportFormat.SetFile(shown.name(), shown.description(), shown.parameters())));
        setEntries.add(new ExportFormat.Entry(n, path));
      }
      ExportFormat.Manifest m =
          new ExportFormat.Manifest(
              ExportFormat.FORMAT,
              ExportFormat.VERSION,
              project,
              Database.now().toString(),
              plain,
              flowEntries,
              setEntries,
              factoryEntries);
      ZipEntry first = new ZipEntry(ExportFormat.MANIFEST);
      zip.putNextEntry(first);
      zip.write(json(m));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String path, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(data);
    zip.closeEntry();
  }

  private static byte[] json(Object o) throws IOException {
    return (PRETTY.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A folder name for a flow: lower case letters, digits and dashes. */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "flow" : s.length() > 80 ? s.substring(0, 80) : s;
  }

  private static String unique(String slug, Set<String> taken) {
    String s = slug;
    for (int i = 2; !taken.add(s); i++) {
      s = slug + "-" + i;
    }
    return s;
  }
}
