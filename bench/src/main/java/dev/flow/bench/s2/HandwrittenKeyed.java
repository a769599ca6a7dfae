package dev.flow.bench.s2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.bench.Events;
import dev.flow.bench.Variant;
import dev.flow.bench.flink.CountingSink;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.bench.flink.MemorySource;
import dev.flow.bench.s1.RemapFilter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * S2 hand-written: parse each event into a record type, key by {@code user.id} across a network
 * exchange at parallelism 2, and count and sum per key. The record type is either a Jackson tree
 * (Flink serializes it with Kryo, as a generic type) or Flink POJOs.
 */
public final class HandwrittenKeyed implements Variant {
  /** The record type that crosses the network. */
  public enum Kind {
    KRYO,
    POJO
  }

  static final int PARALLELISM = 2;
  private static final TypeInformation<Tuple3<String, Long, Double>> OUT =
      Types.TUPLE(Types.STRING, Types.LONG, Types.DOUBLE);

  private final Kind kind;

  public HandwrittenKeyed(Kind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return kind == Kind.KRYO ? "kryo" : "pojo";
  }

  @Override
  public Result run() throws Exception {
    StreamExecutionEnvironment env = LocalFlink.env(PARALLELISM, true);
    DataStream<byte[]> bytes =
        env.fromSource(
            MemorySource.of(Events::bytes, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO),
            WatermarkStrategy.noWatermarks(),
            "events");
    DataStream<Tuple3<String, Long, Double>> counts;
    if (kind == Kind.KRYO) {
      counts =
          bytes
              .map(b -> (ObjectNode) RemapFilter.MAPPER.readTree(b))
              .returns(TypeInformation.of(ObjectNode.class))
              .name("parse")
              .keyBy(n -> n.get("user").get("id").asText(), Types.STRING)
              .process(
                  new KeyedCount<ObjectNode, Tuple3<String, Long, Double>>() {
                    @Override
                    protected double amount(ObjectNode n) {
                      return n.get("amount").asDouble();
                    }

                    @Override
                    protected Tuple3<String, Long, Double> result(String k, long c, double s) {
                      return Tuple3.of(k, c, s);
                    }
                  })
              .returns(OUT)
              .name("count");
    } else {
      env.getConfig().disableGenericTypes();
      counts =
          bytes
              .map(b -> RemapFilter.MAPPER.readValue(b, Purchase.class))
              .returns(Purchase.class)
              .name("parse")
              .keyBy(p -> p.user.id, Types.STRING)
              .process(
                  new KeyedCount<Purchase, Tuple3<String, Long, Double>>() {
                    @Override
                    protected double amount(Purchase p) {
                      return p.amount;
                    }

                    @Override
                    protected Tuple3<String, Long, Double> result(String k, long c, double s) {
                      return Tuple3.of(k, c, s);
                    }
                  })
              .returns(OUT)
              .name("count");
    }
    counts
        .sinkTo(new CountingSink<>(HandwrittenKeyed::line))
        .name("sink")
        .setParallelism(PARALLELISM);
    Marks.reset();
    env.execute("S2 " + name());
    return new Result(
        Events.count(), Marks.elapsedNanos(), Marks.records(), Marks.bytes(), Marks.checksum());
  }

  /** One result as text; the checksum of these lines is the same in every variant. */
  static byte[] line(Tuple3<String, Long, Double> t) {
    return (t.f0 + "," + t.f1 + "," + Math.round(t.f2 * 100)).getBytes(StandardCharsets.UTF_8);
  }
}
