package dev.flow.preview;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;

/**
 * Labels each record a stage reads or emits with the stage and the side ({@link #IN}, {@link #OUT},
 * {@link #ERROR}) and keeps its payload as JSON text, for the preview's single collect sink.
 */
final class Tap implements MapFunction<FlowRecord, Tuple3<String, String, String>> {
  private static final long serialVersionUID = 1L;

  static final String IN = "in";
  static final String OUT = "out";
  static final String ERROR = "error";

  /** The type of a tapped record: side, stage, payload. */
  static final TypeInformation<Tuple3<String, String, String>> TYPE =
      Types.TUPLE(Types.STRING, Types.STRING, Types.STRING);

  private final String side;
  private final String stage;

  Tap(String side, String stage) {
    this.side = side;
    this.stage = stage;
  }

  @Override
  public Tuple3<String, String, String> map(FlowRecord record) {
    return Tuple3.of(side, stage, record.toJson());
  }
}
