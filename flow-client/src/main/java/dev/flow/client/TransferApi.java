package dev.flow.client;

import dev.flow.client.model.ConflictMode;
import dev.flow.client.model.ExportRequest;
import dev.flow.client.model.ImportReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Export of flows as a zip, and import of such a zip with a conflict mode. */
public final class TransferApi {
  private final ApiTransport http;

  TransferApi(ApiTransport http) {
    this.http = http;
  }

  /** Writes the export zip to {@code out}; returns the bytes written. */
  public long export(ExportRequest request, OutputStream out) {
    try (InputStream in = http.download("/api/v1/export", query(request))) {
      return in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the export zip to {@code file}, replacing it only once the whole zip has arrived;
   * returns the bytes written.
   */
  public long export(ExportRequest request, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path part = Files.createTempFile(dir, ".flow-export", ".part");
      try {
        long n;
        try (OutputStream out = Files.newOutputStream(part)) {
          n = export(request, out);
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        return n;
      } finally {
        Files.deleteIfExists(part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports a zip into {@code project} and reports what became of each flow and set. */
  public ImportReport importZip(String project, Path zip, ConflictMode onConflict) {
    try {
      return send(project, onConflict, BodyPublishers.ofFile(zip));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports zip bytes into {@code project}. */
  public ImportReport importZip(String project, byte[] zip, ConflictMode onConflict) {
    return send(project, onConflict, BodyPublishers.ofByteArray(zip));
  }

  private ImportReport send(
      String project, ConflictMode mode, java.net.http.HttpRequest.BodyPublisher body) {
    Query q = Query.of().add("project", project).add("conflictResolution", mode.name());
    return http.upload("/api/v1/import", q, "application/zip", body, ImportReport.class);
  }

  private static Query query(ExportRequest r) {
    return Query.of()
        .add("project", r.project())
        .addAll("flow", r.flows())
        .add("plainSecrets", r.plainSecrets() ? "true" : null);
  }
}
