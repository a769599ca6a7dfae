package dev.flow.job.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;

/** Writes Kubernetes resources as YAML documents for {@code kubectl apply -f}. */
public final class ManifestWriter {

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .build())
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private ManifestWriter() {}

  /** The resource as a JSON tree, as the API server would receive it. */
  public static JsonNode toTree(Object resource) {
    return YAML.valueToTree(resource);
  }

  /** One YAML document. */
  public static String toYaml(Object resource) throws JsonProcessingException {
    return YAML.writeValueAsString(toTree(resource));
  }

  /** Several YAML documents separated by {@code ---}. */
  public static String toYaml(List<?> resources) throws JsonProcessingException {
    StringBuilder out = new StringBuilder();
    for (Object r : resources) {
      if (!out.isEmpty()) {
        out.append("---\n");
      }
      out.append(toYaml(r));
    }
    return out.toString();
  }

  /** The file name part of a resource: configmap, secret, pvc or flinkdeployment. */
  public static String fileKind(Object resource) {
    if (resource instanceof io.fabric8.kubernetes.api.model.ConfigMap) {
      return "configmap";
    } else if (resource instanceof io.fabric8.kubernetes.api.model.Secret) {
      return "secret";
    } else if (resource instanceof io.fabric8.kubernetes.api.model.PersistentVolumeClaim) {
      return "pvc";
    }
    return "flinkdeployment";
  }
}
