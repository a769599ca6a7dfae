package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.Health;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The Java client of the Flow server: one object per server and token, with a small resource per
 * part of the API ({@link #flows()}, {@link #parameterSets()}, ...). Every call either returns the
 * typed answer or throws a {@link FlowApiException} (the server's problem details) or a {@link
 * FlowClientException} (the server could not be reached). Instances are thread-safe.
 *
 * <pre>{@code
 * FlowClient client = FlowClient.builder("http://localhost:8090").token(token).build();
 * Flow f = client.flows().create("default", NewFlow.of(Files.readString(path)));
 * }</pre>
 */
public final class FlowClient {
  private final ApiTransport transport;
  private final FlowsApi flows;
  private final ParameterSetsApi parameterSets;
  private final ProjectsApi projects;
  private final TokensApi tokens;
  private final TransferApi transfer;
  private final EnvironmentsApi environments;
  private final DeploymentsApi deployments;
  private final RunsApi runs;
  private final ErrorRecordsApi errorRecords;

  private FlowClient(ApiTransport transport) {
    this.transport = transport;
    this.flows = new FlowsApi(transport);
    this.parameterSets = new ParameterSetsApi(transport);
    this.projects = new ProjectsApi(transport);
    this.tokens = new TokensApi(transport);
    this.transfer = new TransferApi(transport);
    this.environments = new EnvironmentsApi(transport);
    this.deployments = new DeploymentsApi(transport);
    this.runs = new RunsApi(transport);
    this.errorRecords = new ErrorRecordsApi(transport);
  }

  /** A builder for the server at {@code server}, e.g. {@code http://localhost:8090}. */
  public static Builder builder(String server) {
    return new Builder(URI.create(Objects.requireNonNull(server, "server")));
  }

  public FlowsApi flows() {
    return flows;
  }

  public ParameterSetsApi parameterSets() {
    return parameterSets;
  }

  public ProjectsApi projects() {
    return projects;
  }

  /** Tokens, for an admin token only. */
  public TokensApi tokens() {
    return tokens;
  }

  /** Export and import of zips. */
  public TransferApi transfer() {
    return transfer;
  }

  /** The environments deployments run in. */
  public EnvironmentsApi environments() {
    return environments;
  }

  /** Deploy, status, stop, upgrade, rollback, history. */
  public DeploymentsApi deployments() {
    return deployments;
  }

  /** The runs of flows and their statistics. */
  public RunsApi runs() {
    return runs;
  }

  /** The records stages could not process, and their replay. */
  public ErrorRecordsApi errorRecords() {
    return errorRecords;
  }

  /** {@code GET /health}, which needs no token. */
  public Health health() {
    return transport.get("/health", null, Health.class);
  }

  /** The server's OpenAPI document. */
  public JsonNode openApi() {
    return transport.get("/api/v1/openapi.json", null, JsonNode.class);
  }

  /** The exchange the resources share, for resources added outside this package. */
  public ApiTransport transport() {
    return transport;
  }

  /** The server's base URI. */
  public URI server() {
    return transport.server();
  }

  /** Settings of a client: the token, timeouts, and optionally an HttpClient of one's own. */
  public static final class Builder {
    private final URI server;
    private String token;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(120);
    private HttpClient http;

    private Builder(URI server) {
      if (server.getScheme() == null
          || !(server.getScheme().equals("http") || server.getScheme().equals("https"))
          || server.getHost() == null) {
        throw new IllegalArgumentException(
            "the server URL must be http(s)://HOST[:PORT], found '" + server + "'");
      }
      this.server = server;
    }

    /** The bearer token; null or empty sends none. */
    public Builder token(String t) {
      this.token = t;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    /** How long one request may take, a preview or an import included. */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = d;
      return this;
    }

    /** An HttpClient to use instead of the client's own. */
    public Builder httpClient(HttpClient c) {
      this.http = c;
      return this;
    }

    public FlowClient build() {
      HttpClient c =
          http != null
              ? http
              : HttpClient.newBuilder()
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NORMAL)
                  .build();
      return new FlowClient(new ApiTransport(server, token, c, requestTimeout));
    }
  }
}
