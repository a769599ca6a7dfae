package dev.flow.bench.s1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.bench.Events;
import dev.flow.bench.Variant;
import dev.flow.bench.flink.CountingSink;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.bench.flink.MemorySource;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * S1 as an idiomatic hand-written DataStream job: Jackson {@link ObjectNode} records, one operator
 * per step, all chained, object reuse on.
 */
public final class DataStreamVariant implements Variant {

  @Override
  public String name() {
    return "handwritten";
  }

  @Override
  public Result run() throws Exception {
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    TypeInformation<ObjectNode> nodes = TypeInformation.of(ObjectNode.class);
    env.fromSource(
            MemorySource.of(Events::bytes, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO),
            WatermarkStrategy.noWatermarks(),
            "events")
        .map(b -> (ObjectNode) RemapFilter.MAPPER.readTree(b))
        .returns(nodes)
        .name("parse")
        .map(RemapFilter::remap)
        .returns(nodes)
        .name("remap")
        .filter(RemapFilter::keep)
        .name("filter")
        .sinkTo(new CountingSink<>(RemapFilter.MAPPER::writeValueAsBytes))
        .name("count");
    Marks.reset();
    env.execute("S1 handwritten");
    return new Result(
        Events.count(), Marks.elapsedNanos(), Marks.records(), Marks.bytes(), Marks.checksum());
  }
}
