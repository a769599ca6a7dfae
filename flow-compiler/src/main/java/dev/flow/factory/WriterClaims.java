package dev.flow.factory;

import dev.flow.model.Problem;
import dev.flow.spi.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Two writers of the same resource that claim the same exclusive id (for Kafka exactly-once, the
 * transactional id prefix, whose clash fences each other's transactions): an error at both stages.
 */
final class WriterClaims {
  private WriterClaims() {}

  static void check(List<FactoryFlow> flows, List<Problem> problems) {
    List<Endpoint> claims = new ArrayList<>();
    for (FactoryFlow f : flows) {
      if (f.valid()) {
        for (Endpoint e : Io.endpoints(f.index(), f.flow())) {
          if (e.resource().access() == Resource.Access.WRITES && e.resource().exclusive() != null) {
            claims.add(e);
          }
        }
      }
    }
    for (int i = 0; i < claims.size(); i++) {
      for (int j = i + 1; j < claims.size(); j++) {
        Endpoint a = claims.get(i);
        Endpoint b = claims.get(j);
        if (a.flow() != b.flow()
            && a.resource().matches(b.resource())
            && a.resource().exclusive().equals(b.resource().exclusive())) {
          problems.add(clash(flows, a, b));
          problems.add(clash(flows, b, a));
        }
      }
    }
  }

  private static Problem clash(List<FactoryFlow> flows, Endpoint self, Endpoint other) {
    return Problem.error(
            self.stage().def().location(),
            self.stage().name(),
            "writes "
                + self.resource().label()
                + " with the "
                + self.resource().exclusive()
                + ", as does stage '"
                + other.stage().name()
                + "' of flow '"
                + flows.get(other.flow()).name()
                + "' ("
                + other.stage().def().location()
                + "); two writers of one resource may not share it")
        .withAction(self.stage().factory().name())
        .withHint("give each writer one of its own");
  }
}
