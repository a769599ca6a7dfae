package dev.flow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.record.FieldPath;
import dev.flow.validate.FlowValidator;
import dev.flow.validate.ValidatedFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lookup transform's and the JDBC publisher's props through the real validator. */
class JdbcFlowValidationTest {

  static ValidatedFlow validate(String yaml) {
    return new FlowValidator(FlowCompiler.registry())
        .validate(new FlowParser(FlowParser.Options.defaults()).parse(yaml, "db.yaml"));
  }

  static List<String> problems(String yaml) {
    return validate(yaml).problems().stream().map(Problem::format).toList();
  }

  @Test
  void fieldPathsAreBoundAsPaths() {
    ValidatedFlow v =
        validate(
            """
            name: ok
            stages:
              - name: in
                action: Inline Records
                props: {records: [{domain: a.org}]}
                out: [enrich]
              - name: enrich
                action: Lookup
                props:
                  url: jdbc:postgresql://localhost/shop
                  query: select tier from customers where domain = :domain
                  target: customer.tier
                out: [db]
              - name: db
                action: JDBC
                props:
                  url: jdbc:postgresql://localhost/shop
                  table: accounts
                  columns: {domain: domain, tier: customer.tier}
                  keys: [domain]
                out: []
            """);
    assertThat(v.problems()).isEmpty();
    assertThat(((LookupOptions) v.stage("enrich").options()).target())
        .isEqualTo(FieldPath.of("customer", "tier"));
    assertThat(((JdbcPublishOptions) v.stage("db").options()).columns())
        .containsExactly(
            java.util.Map.entry("domain", FieldPath.of("domain")),
            java.util.Map.entry("tier", FieldPath.of("customer", "tier")));
  }

  @Test
  void badValuesAreReportedAtTheValueNamingTheirProp() {
    assertThat(
            problems(
                """
                name: bad
                stages:
                  - name: in
                    action: Inline Records
                    props: {records: [{domain: a.org}]}
                    out: [enrich]
                  - name: enrich
                    action: Lookup
                    props:
                      url: jdbc:postgresql://localhost/shop
                      query: select tier from customers where domain = :domain
                      target: "customer."
                      poolSize: 0
                      cacheSize: 0
                    out: [db]
                  - name: db
                    action: JDBC
                    props:
                      url: jdbc:postgresql://localhost/shop
                      table: accounts
                      columns: {id: id, email: "customer..email"}
                      batchSize: 0
                      retries: -1
                    out: []
                """))
        .containsExactly(
            "db.yaml:12:15: error: stage \"enrich\" (Lookup): prop 'target': field path"
                + " 'customer.' has an empty segment",
            "db.yaml:13:17: error: stage \"enrich\" (Lookup): prop 'poolSize' must be 1 or more,"
                + " found 0",
            "db.yaml:14:18: error: stage \"enrich\" (Lookup): prop 'cacheSize' must be 1 or more,"
                + " found 0",
            "db.yaml:21:32: error: stage \"db\" (JDBC): prop 'columns.email': field path"
                + " 'customer..email' has an empty segment",
            "db.yaml:22:18: error: stage \"db\" (JDBC): prop 'batchSize' must be 1 or more, found"
                + " 0",
            "db.yaml:23:16: error: stage \"db\" (JDBC): prop 'retries' must be 0 or more, found"
                + " -1");
  }
}
