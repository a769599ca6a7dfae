package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.Project;
import java.util.List;

/** The projects, the namespaces of flows; {@code default} always exists. */
public final class ProjectsApi {
  private static final String PROJECTS = "/api/v1/projects";

  private final ApiTransport http;

  ProjectsApi(ApiTransport http) {
    this.http = http;
  }

  public List<Project> list() {
    return ApiTransport.items(http.get(PROJECTS, null, JsonNode.class), Project.class);
  }

  /** Creates a project; 409 when the name is taken. */
  public Project create(String name, String description) {
    return http.send("POST", PROJECTS, null, new Project(name, description), Project.class);
  }
}
