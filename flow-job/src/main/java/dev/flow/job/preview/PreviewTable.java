package dev.flow.job.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.preview.PreviewResult;
import dev.flow.preview.StageError;
import dev.flow.preview.StagePreview;
import dev.flow.spi.StageKind;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a preview as readable sections, one per stage in DAG order, records as JSON lines. */
public final class PreviewTable {
  private PreviewTable() {}

  /** Prints {@code result} to {@code out}. */
  public static void print(PreviewResult result, PrintStream out) {
    out.println("Preview of \"" + result.flow() + "\"");
    if (result.timedOut()) {
      out.println("(stopped by the time limit; showing the records seen until then)");
    }
    for (StagePreview s : result.stages()) {
      out.println();
      out.println(
          "== "
              + s.name()
              + " ("
              + s.action()
              + ", "
              + s.kind().name().toLowerCase(Locale.ROOT)
              + ")");
      if (s.kind() == StageKind.PUBLISHER) {
        records(out, "would write", s.output());
      } else {
        if (s.kind() != StageKind.TRIGGER) {
          records(out, "input", s.input());
        }
        records(out, "output", s.output());
      }
      if (!s.errors().isEmpty()) {
        out.println("  errors (" + s.errors().size() + "):");
        for (StageError e : s.errors()) {
          out.println("    " + e.message());
          out.println("      record: " + (e.record() == null ? "(none)" : e.record().toString()));
        }
      }
    }
  }

  private static void records(PrintStream out, String label, List<JsonNode> records) {
    out.println("  " + label + " (" + records.size() + "):");
    for (JsonNode r : records) {
      out.println("    " + r);
    }
  }
}
