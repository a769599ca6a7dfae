package dev.flow.server.factory;

import dev.flow.factory.FactoryReader;
import dev.flow.factory.ValidatedFactory;
import dev.flow.model.FactoryDef;
import dev.flow.model.Problem;
import dev.flow.parse.ParameterSets;
import dev.flow.server.ServerContext;
import dev.flow.server.engine.FlowEngine;
import dev.flow.server.factory.FactoryStore.FactoryRecord;
import dev.flow.server.store.Database;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.ParameterSetStore;
import dev.flow.server.store.StoredFlow;
import dev.flow.server.transfer.SafeZip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A push of a factory's folder as a zip ({@code flow factory push DIR}): the factory file, the flow
 * files it names by path and the parameter set files it names. The whole folder is validated first,
 * with the command line's code; only then, in one transaction, each parameter set file becomes (or
 * replaces) the catalog set of its name, each flow file becomes a catalog flow (or a new version of
 * it, when its text changed), and the factory gets a new version pinning them.
 */
final class FactoryPush {
  private final ServerContext s;
  private final FactoryStore store;
  private final FactoryCatalog catalog;

  FactoryPush(ServerContext s, FactoryStore store, FactoryCatalog catalog) {
    this.s = s;
    this.store = store;
    this.catalog = catalog;
  }

  /** The factory written, and whether it is new. */
  record Pushed(FactoryRecord factory, boolean created) {}

  Pushed push(String project, byte[] zip, String author, String message) {
    Map<String, byte[]> files = SafeZip.read(zip, SafeZip.Limits.defaults());
    String prefix = prefix(files);
    String yaml = text(files.get(prefix + FactoryFolder.FILE));
    FactoryReader.Result r = FactoryReader.read(yaml, FactoryFolder.FILE);
    if (r.factory() == null || r.problems().stream().anyMatch(Problem::isError)) {
      throw FactoryCatalog.invalid("the factory file has errors", r.problems());
    }
    FactoryDef def = r.factory();
    List<Problem> problems = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, String> flowNames = new LinkedHashMap<>();
    for (FactoryDef.FlowEntry e : def.flows()) {
      if (e.catalog() != null) {
        s.db()
            .tx(c -> s.flows().byName(c, project, e.catalog()))
            .ifPresent(
                f -> texts.put(e.catalog(), s.db().tx(c -> s.flows().require(c, f.id())).yaml()));
        continue;
      }
      byte[] b = files.get(prefix + Path.of(e.path()).normalize());
      if (b == null) {
        continue; // the validation reports the missing file, located
      }
      String t = text(b);
      texts.put(e.path(), t);
      String name = FlowEngine.nameOf(t);
      if (name != null) {
        flowNames.put(e.path(), name);
      }
    }
    Map<String, String> setFiles = new LinkedHashMap<>();
    ParameterSets sets = sets(files, prefix, def, setFiles, problems);
    if (!problems.isEmpty()) {
      throw FactoryCatalog.invalid("the factory's parameter set files have errors", problems);
    }
    try (FactoryFolder f =
        FactoryFolder.write(yaml, texts, FactoryCatalog.paths(yaml), sets, setFiles)) {
      ValidatedFactory v = f.validate();
      if (v.hasErrors()) {
        throw FactoryCatalog.invalid(
            "the factory is not valid; nothing was changed", f.problems(v));
      }
    }
    List<String> setNames = new ArrayList<>(new java.util.LinkedHashSet<>(setFiles.values()));
    return s.db()
        .tx(
            c -> {
              for (String set : setNames) {
                Map<String, ParameterSetStore.Param> params = new LinkedHashMap<>();
                for (String n : sets.names(set)) {
                  ParameterSets.Parameter p = sets.get(set, n);
                  params.put(n, new ParameterSetStore.Param(p.value(), p.secret()));
                }
                if (s.parameterSets().get(c, project, set).isPresent()) {
                  s.parameterSets().update(c, project, set, null, params);
                } else {
                  s.parameterSets().create(c, project, set, "", params);
                }
              }
              for (Map.Entry<String, String> e : flowNames.entrySet()) {
                upsertFlow(c, project, e.getValue(), texts.get(e.getKey()), setNames, author);
              }
              FactoryCatalog.Draft d = catalog.resolve(c, project, yaml, flowNames, setFiles);
              var existing = store.byName(c, project, def.name());
              if (existing.isPresent()) {
                FactoryRecord cur = existing.get();
                return new Pushed(
                    catalog.update(c, cur.id(), cur.version(), d, null, author, message), false);
              }
              return new Pushed(catalog.create(c, project, d, null, author, message), true);
            });
  }

  private void upsertFlow(
      java.sql.Connection c,
      String project,
      String name,
      String yaml,
      List<String> sets,
      String author)
      throws java.sql.SQLException {
    var existing = s.flows().byName(c, project, name);
    FlowStore.NewVersion v =
        new FlowStore.NewVersion(yaml, author, "pushed with its factory", Database.now());
    if (existing.isEmpty()) {
      s.flows().create(c, new FlowStore.NewFlow(project, name, "", Map.of(), sets), List.of(v));
      return;
    }
    StoredFlow cur = s.flows().require(c, existing.get().id());
    if (!yaml.equals(cur.yaml())) {
      s.flows().update(c, cur.id(), cur.version(), v, null, null, null);
    }
  }

  /** Reads the parameter set files the factory names, each with its set's name. */
  private static ParameterSets sets(
      Map<String, byte[]> files,
      String prefix,
      FactoryDef def,
      Map<String, String> setFiles,
      List<Problem> problems) {
    List<Path> read = new ArrayList<>();
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("flow-push");
      Map<String, Map<String, ParameterSets.Parameter>> all = new LinkedHashMap<>();
      for (FactoryDef.Ref ref : def.parameterSets()) {
        byte[] b = files.get(prefix + Path.of(ref.value()).normalize());
        if (b == null) {
          problems.add(
              Problem.error(
                  ref.location(),
                  null,
                  "parameter set file '" + ref.value() + "' is not in the pushed folder"));
          continue;
        }
        Path p = tmp.resolve("set-" + read.size() + ".yaml");
        Files.write(p, b);
        read.add(p);
        ParameterSets.Loaded l = ParameterSets.load(List.of(p));
        for (Problem pr : l.problems()) {
          problems.add(
              new Problem(
                  new dev.flow.model.Location(
                      ref.value(), pr.location().line(), pr.location().column()),
                  pr.stage(),
                  pr.action(),
                  pr.severity(),
                  pr.message(),
                  pr.hint()));
        }
        for (String set : l.sets().setNames()) {
          Map<String, ParameterSets.Parameter> m = new LinkedHashMap<>();
          l.sets().names(set).forEach(n -> m.put(n, l.sets().get(set, n)));
          all.put(set, m);
          setFiles.put(ref.value(), set);
        }
      }
      return ParameterSets.of(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Path p : read) {
        p.toFile().delete();
      }
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
  }

  /** The folder inside the zip that holds {@code factory.yaml}: the root, or one top folder. */
  private static String prefix(Map<String, byte[]> files) {
    if (files.containsKey(FactoryFolder.FILE)) {
      return "";
    }
    List<String> found =
        files.keySet().stream()
            .filter(
                k -> k.endsWith("/" + FactoryFolder.FILE) && k.indexOf('/') == k.lastIndexOf('/'))
            .toList();
    if (found.size() != 1) {
      throw dev.flow.server.api.ApiException.badRequest(
          "the zip has no factory.yaml at its root or in one top folder");
    }
    return found.get(0).substring(0, found.get(0).length() - FactoryFolder.FILE.length());
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
