package dev.flow.bench.s1;

import dev.flow.bench.Events;
import dev.flow.bench.Variant;
import dev.flow.bench.flink.CountingSink;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.bench.flink.MemorySource;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * S1 in Flink SQL with JSON_VALUE / JSON_QUERY / JSON_OBJECT over a one-column STRING table. The
 * {@code items} array comes out as an escaped string: Flink 1.20 cannot embed raw JSON from
 * JSON_QUERY into JSON_OBJECT.
 */
public final class SqlVariant implements Variant {

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public Result run() throws Exception {
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<String> source =
        env.fromSource(
            MemorySource.of(Events::string, Types.STRING),
            WatermarkStrategy.noWatermarks(),
            "events");
    tEnv.createTemporaryView("events", tEnv.fromDataStream(source).as("j"));
    Table result = tEnv.sqlQuery(RemapFilter.SQL);
    tEnv.toDataStream(result)
        .sinkTo(
            new CountingSink<Row>(
                row -> ((String) row.getField(0)).getBytes(StandardCharsets.UTF_8)))
        .name("count");
    Marks.reset();
    env.execute("S1 sql");
    return new Result(
        Events.count(), Marks.elapsedNanos(), Marks.records(), Marks.bytes(), Marks.checksum());
  }
}
