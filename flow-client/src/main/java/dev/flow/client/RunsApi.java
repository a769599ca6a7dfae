package dev.flow.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.flow.client.model.Page;
import dev.flow.client.model.Run;
import dev.flow.client.model.RunQuery;
import dev.flow.client.model.RunStats;

/** The runs of flows, newest first, and their counts and durations. */
public final class RunsApi {
  private static final String RUNS = "/api/v1/runs";

  private final ApiTransport http;

  RunsApi(ApiTransport http) {
    this.http = http;
  }

  public Page<Run> list(RunQuery q) {
    Query query =
        Query.of()
            .add("flow", q.flow())
            .add("deployment", q.deployment())
            .add("status", q.status())
            .add("from", q.from())
            .add("to", q.to())
            .add("page", q.page())
            .add("size", q.size());
    return http.get(RUNS, query, new TypeReference<Page<Run>>() {});
  }

  /** One run; 404 when there is none. */
  public Run get(String runId) {
    return http.get(RUNS + "/" + Query.encode(runId), null, Run.class);
  }

  /** Counts and durations per flow ({@code flow} null: every flow) between from and to. */
  public RunStats stats(String flow, String from, String to) {
    return http.get(
        RUNS + "/stats",
        Query.of().add("flow", flow).add("from", from).add("to", to),
        RunStats.class);
  }
}
