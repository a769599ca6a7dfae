package dev.flow.bench.s1;

import dev.flow.record.FlowRecord;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import java.io.Serializable;

/**
 * S1's remap and filter as Flow stages written in Java against the record API, for measuring Flow's
 * runtime (trigger check, stage operators, records, publisher) while the YAML actions that do the
 * same are not available.
 */
public final class JavaStages {
  private JavaStages() {}

  /** No props. */
  public record None() implements Serializable {}

  /** A processor that computes in memory only, as the built-in Remap Fields and Filter declare. */
  private abstract static class InMemory implements RecordProcessor {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean mayFailTransiently() {
      return false;
    }
  }

  /** The remap of {@link RemapFilter} as a stage. */
  public static final class Remap extends RecordTransformFactory<None> {
    @Override
    public String name() {
      return "Bench Remap";
    }

    @Override
    public String description() {
      return "S1's remap in Java (benchmarks only).";
    }

    @Override
    public Class<None> optionsClass() {
      return None.class;
    }

    @Override
    public RecordProcessor createProcessor(None options, StageContext ctx) {
      return new InMemory() {
        @Override
        public void process(FlowRecord record, org.apache.flink.util.Collector<FlowRecord> out) {
          RemapFilter.remap(record);
          out.collect(record);
        }
      };
    }
  }

  /** The filter of {@link RemapFilter} as a stage. */
  public static final class Filter extends RecordTransformFactory<None> {
    @Override
    public String name() {
      return "Bench Filter";
    }

    @Override
    public String description() {
      return "S1's filter in Java (benchmarks only).";
    }

    @Override
    public Class<None> optionsClass() {
      return None.class;
    }

    @Override
    public RecordProcessor createProcessor(None options, StageContext ctx) {
      return new InMemory() {
        @Override
        public void process(FlowRecord record, org.apache.flink.util.Collector<FlowRecord> out) {
          if (RemapFilter.keep(record)) {
            out.collect(record);
          }
        }
      };
    }
  }
}
