package dev.flow.job.log;

import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A custom transform (named by its class) that prints and logs each record's id, then emits it. */
public final class PrintingTransformFactory
    extends RecordTransformFactory<PrintingTransformFactory.Options> {
  private static final Logger LOG = LoggerFactory.getLogger(PrintingTransformFactory.class);

  /** No props. */
  public record Options() implements java.io.Serializable {}

  @Override
  public String name() {
    return "Printing Test Transform";
  }

  @Override
  public String description() {
    return "Prints and logs each record.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public RecordProcessor createProcessor(Options o, StageContext ctx) {
    return (record, out) -> {
      String id = record.get("id").asText();
      System.out.println("hello " + id);
      System.err.print("careful " + id + "\n");
      LOG.info("seen {}", id);
      out.collect(record);
    };
  }
}
