package dev.flow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binds and checks the HTTP actions' props from YAML, through the real parser and validator. */
class HttpFlowValidationTest {

  @TempDir Path dir;

  private ValidatedFlow validate(String yaml) throws Exception {
    Path f = dir.resolve("flow.yaml");
    Files.writeString(f, yaml);
    return FlowCompiler.validate(f.toString(), List.of(), false);
  }

  private static List<String> errors(ValidatedFlow v) {
    return v.problems().stream().filter(Problem::isError).map(Problem::format).toList();
  }

  @Test
  void theCommonRetryDoesNotApplyToFetchWhichRetriesByItsOwnProps() throws Exception {
    ValidatedFlow v =
        validate(
            """
            name: own-retries
            stages:
              - name: in
                action: Inline Records
                props: {records: [{id: 1}]}
                out: [report]
              - name: report
                action: Fetch
                props:
                  url: "https://reports.example.com/{id}"
                  retry: {attempts: 5}
                out: [print]
              - {name: print, action: Log}
            """);
    assertThat(v.problems())
        .extracting(Problem::format)
        .containsExactly(
            dir.resolve("flow.yaml")
                + ":11:7: warning: stage \"report\" (Fetch): prop 'retry' does not apply to"
                + " Fetch, which retries by its own props 'retries', 'backoff' and 'maxBackoff'");
  }

  @Test
  void aWebhookFetchAndPublishFlowBindsWithDefaults() throws Exception {
    ValidatedFlow v =
        validate(
            """
            name: hooks
            stages:
              - name: form
                action: webhook
                props:
                  path: /forms
                  host: "*.example.com"
                  auth: hmac
                  hmacSecret: s3cret
                  ack: checkpoint
                out: [report]
              - name: report
                action: Fetch
                props:
                  url: "https://reports.example.com/{domain}?month={meta.method}"
                  headers: {X-Trace: "{form_id}"}
                  cacheTtl: 5m
                  target: report
                out: [crm]
              - name: crm
                action: HTTP
                props:
                  url: https://crm.example.com/bulk
                  batch: array
                  batchSize: 50
                  rateLimit: 5
                  secretHeaders: {X-Api-Key: k3y}
                out: []
            """);
    assertThat(errors(v)).isEmpty();
    WebhookOptions hook = (WebhookOptions) v.stage("form").options();
    assertThat(hook.methods()).containsExactly(RequestMethod.POST);
    assertThat(hook.auth()).isEqualTo(WebhookOptions.Auth.HMAC);
    assertThat(hook.ack()).isEqualTo(WebhookOptions.Ack.CHECKPOINT);
    assertThat(hook.port()).isEqualTo(8080);
    assertThat(hook.maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(hook.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    FetchOptions fetch = (FetchOptions) v.stage("report").options();
    assertThat(fetch.method()).isEqualTo(RequestMethod.GET);
    assertThat(fetch.retries()).isEqualTo(3);
    assertThat(fetch.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(fetch.onNotFound()).isEqualTo(FetchOptions.NotFound.ERROR);
    HttpPublishOptions crm = (HttpPublishOptions) v.stage("crm").options();
    assertThat(crm.batch()).isEqualTo(HttpPublishOptions.Batch.ARRAY);
    assertThat(crm.method()).isEqualTo(RequestMethod.POST);
    assertThat(crm.linger()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void mistakesAreReportedAtTheirProps() throws Exception {
    ValidatedFlow v =
        validate(
            """
            name: hooks
            settings:
              checkpointing: {enabled: off}
            stages:
              - name: form
                action: Webhook
                props:
                  path: forms
                  auth: bearer
                  ack: checkpoint
                out: [crm]
              - name: crm
                action: HTTP
                props:
                  url: "https://crm.example.com/{id}"
                  batch: array
                out: []
            """);
    assertThat(errors(v))
        .anySatisfy(
            e -> assertThat(e).contains("stage \"form\"").contains("the path must start with '/'"))
        .anySatisfy(e -> assertThat(e).contains("auth: bearer needs a token"))
        .anySatisfy(e -> assertThat(e).contains("checkpointing is off in settings"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("stage \"crm\"")
                    .contains("with batch: array the URL must be constant"));
  }

  @Test
  void aWebhookListensOnLoopbackByDefaultAndWarnsWhenOpenWithoutAuth() throws Exception {
    ValidatedFlow local =
        validate(
            """
            name: hooks
            stages:
              - name: form
                action: Webhook
                props:
                  path: /forms
                out: [log]
              - name: log
                action: Log
            """);
    assertThat(local.problems()).isEmpty();
    assertThat(((WebhookOptions) local.stage("form").options()).bind()).isEqualTo("127.0.0.1");

    ValidatedFlow open =
        validate(
            """
            name: hooks
            stages:
              - name: form
                action: Webhook
                props:
                  path: /forms
                  bind: 0.0.0.0
                out: [log]
              - name: signed
                action: Webhook
                props:
                  path: /signed
                  port: 8081
                  bind: 0.0.0.0
                  auth: bearer
                  token: t0ken
                out: [log]
              - name: log
                action: Log
            """);
    assertThat(errors(open)).isEmpty();
    assertThat(open.problems().stream().map(Problem::format).toList())
        .containsExactly(
            dir.resolve("flow.yaml")
                + ":7:7: warning: stage \"form\" (Webhook): the webhook listens on 0.0.0.0,"
                + " reachable from other machines, with no auth: anyone who reaches it can start"
                + " runs; set auth: bearer or hmac, or bind: 127.0.0.1");
  }

  @Test
  void valuesOutOfTheirTypeOrLimitsAreReportedAtTheValueNamingTheirProp() throws Exception {
    ValidatedFlow v =
        validate(
            """
            name: bad
            stages:
              - name: form
                action: Webhook
                props:
                  path: /forms
                  port: 70000
                  maxBodyBytes: 1
                  authLockout: 0s
                out: [report]
              - name: report
                action: Fetch
                props:
                  url: "https://reports.example.com/{id}"
                  target: "a..b"
                  retries: -1
                  timeout: 0s
                out: [crm]
              - name: crm
                action: HTTP
                props:
                  url: https://crm.example.com/bulk
                  batchSize: 0
                  rateLimit: -0.5
                out: []
            """);
    String f = dir.resolve("flow.yaml").toString();
    assertThat(errors(v))
        .containsExactly(
            f
                + ":7:13: error: stage \"form\" (Webhook): prop 'port' must be from 0 to 65535,"
                + " found 70000",
            f
                + ":8:21: error: stage \"form\" (Webhook): prop 'maxBodyBytes' must be 2 or more,"
                + " found 1",
            f
                + ":9:20: error: stage \"form\" (Webhook): prop 'authLockout' must be 1ms or more,"
                + " found 0s",
            f
                + ":15:15: error: stage \"report\" (Fetch): prop 'target': field path 'a..b' has an"
                + " empty segment",
            f
                + ":16:16: error: stage \"report\" (Fetch): prop 'retries' must be 0 or more, found"
                + " -1",
            f
                + ":17:16: error: stage \"report\" (Fetch): prop 'timeout' must be 1ms or more,"
                + " found 0s",
            f + ":23:18: error: stage \"crm\" (HTTP): prop 'batchSize' must be 1 or more, found 0",
            f
                + ":24:18: error: stage \"crm\" (HTTP): prop 'rateLimit' must be 0 or more, found"
                + " -0.5");
  }

  /** A Webhook flow whose methods prop is {@code methods}, on line 7 from column 16. */
  private ValidatedFlow webhookWithMethods(String methods) throws Exception {
    return validate(
        """
        name: methods
        stages:
          - name: form
            action: Webhook
            props:
              path: /form
              methods: %s
            out: [print]
          - {name: print, action: Log}
        """
            .formatted(methods));
  }

  @Test
  void anUnknownWebhookMethodIsReportedAtTheMethodWithTheMethodsInAFixedOrder() throws Exception {
    assertThat(errors(webhookWithMethods("[post, FETCH]")))
        .containsExactly(
            dir.resolve("flow.yaml")
                + ":7:23: error: stage \"form\" (Webhook): prop 'methods[1]' must be one of get,"
                + " post, put, patch, delete, found a string ('FETCH')");
  }

  @Test
  void webhookMethodsAreReadInAnyCase() throws Exception {
    ValidatedFlow v = webhookWithMethods("[put, Patch]");
    assertThat(errors(v)).isEmpty();
    assertThat(((WebhookOptions) v.stage("form").options()).methods())
        .containsExactly(RequestMethod.PUT, RequestMethod.PATCH);
  }
}
