package dev.flow.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.preview.EmbeddedFlink;
import dev.flow.preview.Preview;
import dev.flow.preview.PreviewException;
import dev.flow.preview.PreviewResult;
import dev.flow.server.api.ApiException;
import dev.flow.spi.StageKind;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Previews on an embedded Flink, one at a time per server, each bounded: at most {@link #MAX_LIMIT}
 * records per trigger, {@link #MAX_RECORDS} sample records and {@link #MAX_SECONDS}.
 */
final class Previews {
  static final long MAX_LIMIT = 1000;
  static final int MAX_RECORDS = 10_000;
  static final int MAX_SECONDS = 120;

  private final Semaphore slot = new Semaphore(1, true);

  JsonNode run(
      ValidatedFlow v,
      List<JsonNode> records,
      Map<String, List<JsonNode>> input,
      Long limit,
      Integer timeoutSeconds) {
    if (v.hasErrors()) {
      throw ApiException.invalid("the flow has errors, so it cannot be previewed", v.problems());
    }
    long lim = limit == null ? 10 : limit;
    int secs = timeoutSeconds == null ? 30 : timeoutSeconds;
    if (lim < 1 || lim > MAX_LIMIT) {
      throw ApiException.badRequest("'limit' must be 1 to " + MAX_LIMIT + ", not " + lim);
    }
    if (secs < 1 || secs > MAX_SECONDS) {
      throw ApiException.badRequest(
          "'timeoutSeconds' must be 1 to " + MAX_SECONDS + ", not " + secs);
    }
    Preview preview = Preview.of(v).limit(lim).timeout(Duration.ofSeconds(secs));
    int count = 0;
    if (records != null && !records.isEmpty()) {
      List<String> triggers =
          v.stages().stream()
              .filter(s -> s.kind() == StageKind.TRIGGER)
              .map(ResolvedStage::name)
              .toList();
      if (triggers.size() != 1) {
        throw ApiException.badRequest(
            "the flow has "
                + triggers.size()
                + " triggers ("
                + String.join(", ", triggers)
                + "); give the records per stage in 'input'");
      }
      preview.input(triggers.get(0), texts(records));
      count += records.size();
    }
    if (input != null) {
      for (Map.Entry<String, List<JsonNode>> e : input.entrySet()) {
        if (v.stage(e.getKey()) == null) {
          throw ApiException.badRequest("no stage \"" + e.getKey() + "\" in the flow");
        }
        preview.input(e.getKey(), texts(e.getValue()));
        count += e.getValue().size();
      }
    }
    if (count > MAX_RECORDS) {
      throw ApiException.badRequest("at most " + MAX_RECORDS + " sample records, not " + count);
    }
    try {
      if (!slot.tryAcquire(secs, TimeUnit.SECONDS)) {
        throw new ApiException(
            503, "busy", "Busy", "another preview is running; try again shortly", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "busy", "Busy", "interrupted", null);
    }
    try (EmbeddedFlink flink = EmbeddedFlink.start(EmbeddedFlink.slotsFor(v))) {
      PreviewResult r = preview.run(flink.environment());
      return r.toJson();
    } catch (PreviewException e) {
      throw new ApiException(
          422,
          "preview-failed",
          "The preview failed",
          "the preview failed: " + e.getMessage(),
          null);
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      throw new ApiException(
          500, "preview-failed", "The preview failed", "the embedded Flink failed", null);
    } finally {
      slot.release();
    }
  }

  private static List<String> texts(List<JsonNode> records) {
    return records.stream().map(JsonNode::toString).toList();
  }
}
