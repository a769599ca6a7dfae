package dev.flow.bench;

import dev.flow.bench.s1.DataStreamVariant;
import dev.flow.bench.s1.FlowVariant;
import dev.flow.bench.s1.LoopVariant;
import dev.flow.bench.s1.SqlVariant;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The child JVM of a {@link ForkedVariant}: builds one variant from its spec, prepares the events,
 * and runs the variant once for every {@code run} line on its input, answering with a result line.
 */
public final class VariantWorker {
  static final String RESULT = "variant-result ";
  static final String FAILED = "variant-failed ";

  private VariantWorker() {}

  /** The variant a spec names: {@code s1:loop|handwritten|sql|flow|flow-java}. */
  public static Variant make(String spec) {
    String flows = System.getProperty("bench.dir", "bench") + "/flows/";
    return switch (spec) {
      case "s1:loop" -> new LoopVariant();
      case "s1:handwritten" -> new DataStreamVariant();
      case "s1:sql" -> new SqlVariant();
      case "s1:flow" -> FlowVariant.yaml("flow", flows + "s1-remap-filter.yaml");
      case "s1:flow-java" -> FlowVariant.javaStages();
      default -> throw new IllegalArgumentException("unknown variant " + spec);
    };
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    // Only the protocol goes to the real standard output; anything else printed goes to stderr.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    Variant v = make(args[0]);
    Events.prepare(Integer.parseInt(args[1]));
    if (args[0].equals("s1:sql")) {
      Events.string(0);
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.equals("run")) {
        continue;
      }
      try {
        System.gc();
        Variant.Result r = v.run();
        out.println(
            RESULT
                + r.inputs()
                + " "
                + r.nanos()
                + " "
                + r.outputs()
                + " "
                + r.outBytes()
                + " "
                + r.checksum());
      } catch (Exception | Error e) {
        out.println(FAILED + String.valueOf(e).replace('\n', ' '));
      }
    }
    System.exit(0);
  }
}
