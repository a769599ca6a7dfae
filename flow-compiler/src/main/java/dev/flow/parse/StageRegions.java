package dev.flow.parse;

import dev.flow.model.FlowDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.model.StageDef;

/** Finds which stage a located problem lies in, so that messages can name the stage. */
final class StageRegions {

  private StageRegions() {}

  /**
   * {@code p} naming the stage whose text holds its location: the last stage that starts before it,
   * when the location lies inside the {@code stages} list.
   */
  static Problem attribute(Problem p, Node root, FlowDef flow) {
    if (p.stage() != null || flow == null || !(root instanceof Node.MapNode m)) {
      return p;
    }
    Node stages = m.get("stages");
    if (stages == null || before(p.location(), stages.location())) {
      return p;
    }
    Location end = null;
    for (String key : m.entries().keySet()) {
      Location k = m.keyLocation(key);
      if (before(stages.location(), k) && (end == null || before(k, end))) {
        end = k;
      }
    }
    if (end != null && !before(p.location(), end)) {
      return p;
    }
    StageDef found = null;
    for (StageDef s : flow.stages()) {
      if (before(p.location(), s.location())) {
        break;
      }
      found = s;
    }
    return found == null
        ? p
        : new Problem(p.location(), found.name(), null, p.severity(), p.message(), p.hint());
  }

  private static boolean before(Location a, Location b) {
    return a.line() < b.line() || a.line() == b.line() && a.column() < b.column();
  }
}
