package dev.flow.bench.s2;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * S2's aggregate, the same for every record type: count and sum of {@code amount} per key, kept in
 * keyed state and emitted once per key when the input ends.
 *
 * @param <T> the record type
 * @param <O> the output type
 */
public abstract class KeyedCount<T, O> extends KeyedProcessFunction<String, T, O> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<Tuple2<Long, Double>> state;

  /** The record's {@code amount}. */
  protected abstract double amount(T record) throws Exception;

  /** The result for one key. */
  protected abstract O result(String key, long count, double sum);

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("count-sum", Types.TUPLE(Types.LONG, Types.DOUBLE)));
  }

  @Override
  public void processElement(T record, Context ctx, Collector<O> out) throws Exception {
    Tuple2<Long, Double> acc = state.value();
    if (acc == null) {
      acc = Tuple2.of(0L, 0.0);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    acc.f0 = acc.f0 + 1;
    acc.f1 = acc.f1 + amount(record);
    state.update(acc);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    Tuple2<Long, Double> acc = state.value();
    out.collect(result(ctx.getCurrentKey(), acc.f0, acc.f1));
  }
}
