package dev.flow.bench.s1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.bench.Events;
import dev.flow.bench.Variant;

/** S1 as a plain Java loop over Jackson trees, no Flink: the limit for a tree-model approach. */
public final class LoopVariant implements Variant {

  @Override
  public String name() {
    return "loop";
  }

  @Override
  public Result run() throws Exception {
    int n = Events.count();
    long outputs = 0;
    long bytes = 0;
    long checksum = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ObjectNode tree = (ObjectNode) RemapFilter.MAPPER.readTree(Events.bytes(i));
      RemapFilter.remap(tree);
      if (RemapFilter.keep(tree)) {
        byte[] b = RemapFilter.MAPPER.writeValueAsBytes(tree);
        outputs++;
        bytes += b.length;
        checksum += b.length * 31L + b[b.length / 2];
      }
    }
    return new Result(n, System.nanoTime() - start, outputs, bytes, checksum);
  }
}
