package dev.flow.bench.s6;

import dev.flow.bench.Variant;
import dev.flow.bench.flink.CountingSink;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.bench.flink.MemorySource;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * A Nexmark query in Flink SQL over the same bids, read as typed rows (no JSON to parse), with
 * {@code dateTime} as the rowtime and a 5 s watermark delay like the flows' Reduce default. Rows
 * are written as JSON objects, as a sink would.
 */
final class SqlNexmark implements Variant {
  private final NexmarkQuery query;
  boolean collect;

  SqlNexmark(NexmarkQuery query) {
    this.query = query;
  }

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public Result run() throws Exception {
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Row> bids =
        env.fromSource(
            MemorySource.of(
                new NexmarkEvents.Rows(), NexmarkEvents.rowType(), NexmarkEvents.count()),
            WatermarkStrategy.noWatermarks(),
            "bids");
    Schema schema =
        Schema.newBuilder()
            .columnByExpression("dateTime", "TO_TIMESTAMP_LTZ(dateTimeMs, 3)")
            .watermark("dateTime", "dateTime - INTERVAL '5' SECOND")
            .build();
    tEnv.createTemporaryView("bid", tEnv.fromDataStream(bids, schema));
    Table result = tEnv.sqlQuery(query.sql());
    List<String> names = result.getResolvedSchema().getColumnNames();
    (query.updating() ? tEnv.toChangelogStream(result) : tEnv.toDataStream(result))
        .sinkTo(new CountingSink<Row>(new RowJson(names.toArray(String[]::new))))
        .name("count");
    Marks.reset();
    if (collect) {
      Marks.collect();
    }
    env.execute("S6 " + query.id() + " sql");
    return new Result(
        NexmarkEvents.count(),
        Marks.elapsedNanos(),
        Marks.records(),
        Marks.bytes(),
        Marks.checksum());
  }
}
