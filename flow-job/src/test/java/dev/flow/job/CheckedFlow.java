package dev.flow.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A flow file, {@code checked.yaml}, whose Filter checks its input against {@code
 * schemas/order.json} beside it, on RocksDB: what {@code flow deploy} and {@code flow factory
 * deploy} must pack with the flow.
 */
final class CheckedFlow {
  private CheckedFlow() {}

  /** The schema's content, as the ConfigMap must hold it. */
  static final String SCHEMA = "{\"type\": \"object\"}\n";

  /** Writes the flow and its schema into {@code dir}; the flow file. */
  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(dir.resolve("schemas/order.json"), SCHEMA);
    return Files.writeString(
        dir.resolve("checked.yaml"),
        """
        name: checked
        settings: {stateBackend: rocksdb}
        stages:
          - name: in
            action: Inline Records
            props: {records: [{id: 1}]}
            out: [check]
          - name: check
            action: Filter
            props:
              condition: "true"
              expectedInput: {file: schemas/order.json, onMismatch: reject}
            out: [print]
          - {name: print, action: Log}
        """);
  }
}
