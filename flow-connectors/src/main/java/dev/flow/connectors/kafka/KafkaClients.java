package dev.flow.connectors.kafka;

import dev.flow.connectors.ConnectorException;
import dev.flow.spi.StageContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Client properties of the Kafka actions, and the check that the brokers answer. */
final class KafkaClients {
  private KafkaClients() {}

  /** Consumer properties a flow must not set through {@code properties}, by the prop to use. */
  static final Map<String, String> SOURCE_OWNED =
      Map.of(
          "bootstrap.servers", "bootstrapServers",
          "group.id", "groupId",
          "key.deserializer", "format",
          "value.deserializer", "format");

  /** Producer properties a flow must not set through {@code properties}, by the prop to use. */
  static final Map<String, String> SINK_OWNED =
      Map.of(
          "bootstrap.servers", "bootstrapServers",
          "key.serializer", "keyField",
          "value.serializer", "topic",
          "transactional.id", "transactionalIdPrefix",
          "transaction.timeout.ms", "transactionTimeout");

  /** Reports pass-through properties that a prop of the action sets. */
  static void checkProperties(
      dev.flow.spi.ValidationContext ctx, Map<String, String> props, Map<String, String> owned) {
    if (props == null) {
      return;
    }
    for (String key : props.keySet()) {
      String owner = owned.get(key);
      if (owner != null) {
        ctx.error("properties", "'" + key + "' is set by the prop " + owner + ", not here");
      }
    }
  }

  /** The pass-through properties plus the bootstrap servers. */
  static Properties properties(String bootstrapServers, Map<String, String> extra) {
    Properties p = new Properties();
    if (extra != null) {
      p.putAll(extra);
    }
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return p;
  }

  /**
   * Checks that the brokers answer within {@code timeout} and that {@code topics} exist. Throws a
   * {@link ConnectorException} naming the stage and the servers otherwise. Skipped for a zero or
   * null timeout.
   */
  static void check(
      StageContext ctx,
      String servers,
      Map<String, String> extra,
      Collection<String> topics,
      Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return;
    }
    Properties p = properties(servers, extra);
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "flow-check-" + ctx.stageName());
    String what = "Kafka at " + servers;
    Admin admin = null;
    try {
      admin = Admin.create(p);
      admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS);
      if (topics != null && !topics.isEmpty()) {
        Set<String> existing = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
        List<String> missing = new ArrayList<>();
        for (String t : topics) {
          if (!existing.contains(t)) {
            missing.add(t);
          }
        }
        if (!missing.isEmpty()) {
          throw ConnectorException.of(
              ctx,
              (missing.size() == 1 ? "topic " : "topics ")
                  + String.join(", ", missing)
                  + (missing.size() == 1 ? " does" : " do")
                  + " not exist on "
                  + what);
        }
      }
    } catch (TimeoutException e) {
      throw ConnectorException.of(
          ctx,
          "cannot reach "
              + what
              + " within "
              + timeout.toMillis()
              + " ms; check"
              + " bootstrapServers and that the brokers are running");
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      String why = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
      throw ConnectorException.of(
          ctx,
          "cannot reach "
              + what
              + (c instanceof org.apache.kafka.common.errors.TimeoutException
                  ? " within "
                      + timeout.toMillis()
                      + " ms; check bootstrapServers and that"
                      + " the brokers are running"
                  : ": " + why));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ConnectorException.of(ctx, "interrupted while checking " + what);
    } catch (org.apache.kafka.common.KafkaException e) {
      Throwable inner = e;
      while (inner.getCause() != null && inner.getCause().getMessage() != null) {
        inner = inner.getCause();
      }
      String why =
          inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
      throw ConnectorException.of(ctx, "cannot connect to " + what + ": " + why);
    } finally {
      if (admin != null) {
        admin.close(Duration.ofSeconds(1));
      }
    }
  }
}
