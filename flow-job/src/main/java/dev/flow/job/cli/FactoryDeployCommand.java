package dev.flow.job.cli;

import dev.flow.factory.FactoryEdge;
import dev.flow.factory.FactoryFlow;
import dev.flow.factory.ValidatedFactory;
import dev.flow.job.deploy.DeploySpec;
import dev.flow.job.deploy.FlowFileRefs;
import dev.flow.job.deploy.K8sManifests;
import dev.flow.job.deploy.ManifestWriter;
import dev.flow.job.remote.ServerOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flow factory deploy}: renders the Kubernetes resources of every flow of a factory (a
 * ConfigMap and a FlinkDeployment each, as {@code flow deploy} does), upstream first, labelled with
 * the factory and annotated with each flow's place in the order and what it runs after.
 */
@Command(
    name = "deploy",
    description =
        "Render the Kubernetes resources of the whole factory (a ConfigMap and a FlinkDeployment"
            + " per flow), upstream first, for kubectl apply -f.")
final class FactoryDeployCommand implements Callable<Integer> {
  static final String FACTORY_LABEL = "flow.dev/factory";
  static final String ORDER_ANNOTATION = "flow.dev/order";
  static final String AFTER_ANNOTATION = "flow.dev/after";

  @Mixin FactoryInput input;

  @Mixin KubernetesOptions k8s;

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description =
          "Deploy the catalog factory named by the argument through the server to this"
              + " environment, instead of rendering files (used when the argument is not a file).")
  String env;

  @Option(
      names = "--params-set",
      arity = "1..*",
      paramLabel = "NAME",
      description = "With --env: catalog parameter sets added to the factory's own.")
  List<String> paramsSets;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "With --env: the factory version (default: the current one).")
  Integer factoryVersion;

  @Mixin ServerOptions connection;

  // Its own help option: the inherited standard options would bring --version, which is this
  // command's factory version.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(input.factory)) {
      if (env == null) {
        System.err.println(
            "flow factory deploy: "
                + input.factory
                + " is not a file; to deploy a catalog factory through the server, give --env");
        return 2;
      }
      return dev.flow.job.remote.FactoryServerDeploy.of(
              input.factory.toString(), env, paramsSets, factoryVersion, connection)
          .call();
    }
    if (Files.isDirectory(input.factory)) {
      input.factory = input.factory.resolve("factory.yaml");
    }
    ValidatedFactory v = input.validOrPrint(System.err);
    if (v == null) {
      return 1;
    }
    String prefix = DeploySpec.resourceName(v.def().name());
    List<String> names = new ArrayList<>();
    for (FactoryFlow f : v.flows()) {
      names.add(DeploySpec.resourceName(f.name()));
    }
    Set<String> unique = new LinkedHashSet<>(names);
    if (unique.size() != names.size()) {
      System.err.println("flow factory deploy: two flows give the same resource name");
      return 2;
    }
    List<Path> params = new ArrayList<>(v.parameterFiles());
    StringBuilder all = new StringBuilder();
    int n = 0;
    String base = k8s.stateDir != null ? k8s.stateDir.replaceAll("/+$", "") : "file:///flink-data";
    try {
      K8sManifests.upgradeMode(k8s.upgradeMode);
      for (int i : v.order()) {
        FactoryFlow f = v.flows().get(i);
        String name = names.get(i);
        if (!DeploySpec.isValidName(name)) {
          System.err.println("flow factory deploy: '" + name + "' is not a valid resource name");
          return 2;
        }
        DeploySpec spec =
            new DeploySpec(
                f.file(),
                params,
                name,
                k8s.image,
                base + "/" + name,
                k8s.upgradeMode,
                k8s.parallelism,
                k8s.serviceAccount,
                f.flow().settings().stateBackend().name().toLowerCase(Locale.ROOT),
                f.file() == null ? Map.of() : FlowFileRefs.of(f.flow(), f.file()));
        n++;
        List<Object> resources = K8sManifests.resources(spec, k8s.stateDir == null);
        List<Path> written = new ArrayList<>();
        for (Object r : resources) {
          label((HasMetadata) r, prefix, n, after(v, i, names));
          String yaml = ManifestWriter.toYaml(r);
          if (k8s.output == null) {
            all.append(all.length() == 0 ? "" : "---\n").append(yaml);
          } else {
            Files.createDirectories(k8s.output);
            Path file =
                k8s.output.resolve(
                    String.format("%02d-%s-%s.yaml", n, name, ManifestWriter.fileKind(r)));
            Files.writeString(file, yaml);
            written.add(file);
          }
        }
        if (k8s.output != null) {
          System.out.println(
              "wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("flow factory deploy: " + e.getMessage());
      return 2;
    }
    if (k8s.output == null) {
      System.out.print(all);
    }
    return 0;
  }

  /** The resource names of the flows that flow {@code i} depends on. */
  private static String after(ValidatedFactory v, int i, List<String> names) {
    Set<Integer> deps = new java.util.HashSet<>();
    for (FactoryEdge e : v.into(i)) {
      deps.add(e.from());
    }
    List<String> out = new ArrayList<>();
    for (int d : v.order()) {
      if (deps.contains(d)) {
        out.add(names.get(d));
      }
    }
    return String.join(",", out);
  }

  private static void label(HasMetadata r, String factory, int order, String after) {
    r.getMetadata().getLabels().put(FACTORY_LABEL, factory);
    if (r.getMetadata().getAnnotations() == null) {
      r.getMetadata().setAnnotations(new java.util.LinkedHashMap<>());
    }
    r.getMetadata().getAnnotations().put(ORDER_ANNOTATION, String.valueOf(order));
    if (!after.isEmpty()) {
      r.getMetadata().getAnnotations().put(AFTER_ANNOTATION, after);
    }
  }
}
