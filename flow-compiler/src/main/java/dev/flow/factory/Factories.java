package dev.flow.factory;

import dev.flow.FlowCompiler;
import dev.flow.model.FactoryDef;
import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.parse.ParameterSets;
import dev.flow.parse.ProblemOrder;
import dev.flow.validate.FlowValidator;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The front door of factories: reads a factory file, reads and validates each of its flows with the
 * factory's parameter sets, infers the data edges between them, orders them, and checks the rules
 * that span flows (cycles, data contracts, exactly-once writers). The CLI and the server call this
 * same code.
 */
public final class Factories {
  private Factories() {}

  /** Reads and validates the factory at {@code file}, with extra parameter set files. */
  public static ValidatedFactory validate(Path file, List<Path> extraParams) {
    return validate(file, extraParams, null);
  }

  /**
   * Reads and validates the factory at {@code file}, where {@code catalog} gives the file of a flow
   * named with {@code catalog: NAME} (or null when the catalog has no such flow). Without a catalog
   * (null), such an entry is an error: the server passes one, the command line does not.
   */
  public static ValidatedFactory validate(
      Path file, List<Path> extraParams, Function<String, Path> catalog) {
    FactoryReader.Result read = FactoryReader.read(file);
    List<Problem> problems = new ArrayList<>(read.problems());
    FactoryDef def = read.factory();
    if (def == null) {
      return new ValidatedFactory(
          null, file, List.of(), List.of(), List.of(), List.of(), List.of(), problems);
    }
    Path dir = file.toAbsolutePath().getParent();
    Path shown = file.getParent() == null ? Path.of("") : file.getParent();
    List<Path> paramFiles = new ArrayList<>();
    boolean paramsMissing = false;
    for (FactoryDef.Ref r : def.parameterSets()) {
      Path p = shown.resolve(r.value()).normalize();
      if (!Files.exists(dir.resolve(r.value()))) {
        problems.add(
            Problem.error(
                    r.location(), null, "parameter set file '" + r.value() + "' does not exist")
                .withHint("paths are relative to the factory file, here " + p));
        paramsMissing = true;
        continue;
      }
      paramFiles.add(p);
    }
    paramFiles.addAll(extraParams);
    ParameterSets.Loaded params = ParameterSets.load(paramFiles);
    problems.addAll(params.problems());
    // Without every parameter file, each reference to its sets, in every flow, would be an error of
    // its own: the flows are not validated until the files' own errors are fixed.
    paramsMissing |= !params.unread().isEmpty();
    FlowParser parser = new FlowParser(FlowParser.Options.defaults().withParameters(params.sets()));
    FlowValidator validator = new FlowValidator(FlowCompiler.registry());

    List<FactoryFlow> flows = new ArrayList<>();
    Map<Path, Location> seen = new HashMap<>();
    for (FactoryDef.FlowEntry e : def.flows()) {
      int index = flows.size();
      if (paramsMissing) {
        flows.add(new FactoryFlow(index, e, null, null));
        continue;
      }
      Path flowFile;
      if (e.catalog() != null && catalog != null) {
        flowFile = catalog.apply(e.catalog());
        if (flowFile == null) {
          problems.add(
              Problem.error(
                  e.valueLocation(), null, "the catalog has no flow named '" + e.catalog() + "'"));
          flows.add(new FactoryFlow(index, e, null, null));
          continue;
        }
      } else if (e.catalog() != null) {
        problems.add(
            Problem.error(
                    e.valueLocation(),
                    null,
                    "flow '" + e.catalog() + "' is named from the catalog, which needs the server")
                .withHint("use 'path:' to run the factory from files"));
        flows.add(new FactoryFlow(index, e, null, null));
        continue;
      } else {
        flowFile = shown.resolve(e.path()).normalize();
      }
      Location earlier = seen.putIfAbsent(flowFile.toAbsolutePath(), e.valueLocation());
      if (earlier != null) {
        problems.add(
            Problem.error(
                e.valueLocation(),
                null,
                "flow '" + e.written() + "' is listed twice; it is already at " + earlier));
      }
      if (!Files.isRegularFile(flowFile)) {
        problems.add(
            Problem.error(e.valueLocation(), null, "flow file '" + e.written() + "' does not exist")
                .withHint("paths are relative to the factory file, here " + flowFile));
        flows.add(new FactoryFlow(index, e, flowFile, null));
        continue;
      }
      ValidatedFlow v = validator.validate(parser.parse(flowFile));
      problems.addAll(v.problems());
      long errors = v.problems().stream().filter(Problem::isError).count();
      if (errors > 0) {
        problems.add(
            Problem.error(
                e.valueLocation(),
                null,
                "flow '"
                    + e.written()
                    + "' does not validate: "
                    + errors
                    + (errors == 1 ? " error" : " errors")
                    + " in "
                    + flowFile));
      }
      flows.add(new FactoryFlow(index, e, flowFile, v));
    }
    FlowNames.checkUnique(flows, problems);
    List<FactoryEdge> edges = new ArrayList<>(DataEdges.infer(flows));
    edges.addAll(FlowNames.afterEdges(flows, problems));
    List<Integer> order = FlowOrder.order(flows, edges, problems);
    Contracts.check(flows, edges, problems);
    WriterClaims.check(flows, problems);
    List<Map<String, List<String>>> written = new ArrayList<>();
    for (FactoryFlow f : flows) {
      written.add(Contracts.written(f));
    }
    problems.sort(ProblemOrder.BY_POSITION);
    return new ValidatedFactory(
        def, file, flows, edges, order, written, paramFiles, dedupe(problems));
  }

  private static List<Problem> dedupe(List<Problem> problems) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(problems));
  }
}
