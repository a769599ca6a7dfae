package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.ParameterSet;
import java.util.List;
import java.util.Optional;

/** The parameter sets of a project; secrets are written in plain text and read back masked. */
public final class ParameterSetsApi {
  private static final String SETS = "/api/v1/parameter-sets";

  private final ApiTransport http;

  ParameterSetsApi(ApiTransport http) {
    this.http = http;
  }

  /** The sets of {@code project} (null: {@code default}). */
  public List<ParameterSet> list(String project) {
    return ApiTransport.items(
        http.get(SETS, Query.of().add("project", project), JsonNode.class), ParameterSet.class);
  }

  /** The set called {@code name}, secrets masked; 404 when there is none. */
  public ParameterSet get(String project, String name) {
    return http.get(path(name), Query.of().add("project", project), ParameterSet.class);
  }

  /** The set called {@code name}, or empty. */
  public Optional<ParameterSet> find(String project, String name) {
    try {
      return Optional.of(get(project, name));
    } catch (FlowApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Creates a set; 409 when the name is taken. */
  public ParameterSet create(String project, ParameterSet set) {
    return http.send("POST", SETS, Query.of().add("project", project), set, ParameterSet.class);
  }

  /**
   * Replaces a set's parameters; a secret sent as {@link ParameterSet.Parameter#MASK} keeps its
   * stored value.
   */
  public ParameterSet update(String project, ParameterSet set) {
    return http.send(
        "PUT", path(set.name()), Query.of().add("project", project), set, ParameterSet.class);
  }

  /** Creates the set, or replaces it when one of that name exists. */
  public ParameterSet save(String project, ParameterSet set) {
    return find(project, set.name()).isPresent() ? update(project, set) : create(project, set);
  }

  public void delete(String project, String name) {
    http.sendNoContent("DELETE", path(name), Query.of().add("project", project), null);
  }

  private static String path(String name) {
    return SETS + "/" + Query.encode(name);
  }
}
