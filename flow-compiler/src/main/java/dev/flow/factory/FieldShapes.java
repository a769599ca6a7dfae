package dev.flow.factory;

import dev.flow.jsonschema.CompiledSchema;
import dev.flow.jsonschema.ExpectedInput;
import dev.flow.jsonschema.SchemaFields;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.FieldEffects.Step;
import dev.flow.spi.StageKind;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves which fields a valid flow's records carry at each stage, from the field effects every
 * action declares through the SPI and from the expected inputs that reject mismatches. A field is
 * present when every path through the flow sets it, absent when some path drops it or never sets
 * it, and unknown otherwise.
 */
final class FieldShapes {
  private final ValidatedFlow flow;
  private final Map<String, List<Step>> steps = new HashMap<>();
  private final Map<String, Presence> memo = new HashMap<>();

  FieldShapes(ValidatedFlow flow) {
    this.flow = flow;
    for (ResolvedStage s : flow.stages()) {
      List<Step> list = new ArrayList<>(assumed(s));
      list.addAll(Io.fields(s).steps());
      steps.put(s.name(), list);
    }
  }

  /** What is known of {@code path} on the records {@code stage} writes or emits. */
  Presence at(String stage, String path) {
    ResolvedStage s = flow.stage(stage);
    if (s == null) {
      return Presence.unknown(null, "its records have a fixed shape of their own");
    }
    return eval(path, s, steps.get(stage).size());
  }

  /** The fields proven present on what {@code stage} writes, each as {@code path: type}. */
  List<String> written(String stage) {
    Set<String> candidates = new LinkedHashSet<>();
    for (List<Step> list : steps.values()) {
      for (Step st : list) {
        if (st instanceof FieldEffects.Set x) {
          candidates.add(x.path());
        } else if (st instanceof FieldEffects.Keep k) {
          candidates.addAll(k.paths());
        } else if (st instanceof FieldEffects.Rename r) {
          candidates.addAll(r.moves().values());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String p : candidates) {
      Presence pr = at(stage, p);
      if (pr.state() == Presence.State.PRESENT) {
        out.add(pr.type() == null ? p : p + ": " + pr.type());
      }
    }
    return out;
  }

  /** A stage whose expected input rejects mismatches passes only records with its fields. */
  private static List<Step> assumed(ResolvedStage s) {
    ExpectedInput e = s.expectedInput();
    // A trigger's expected input is a declaration only; other stages check their input.
    if (e == null
        || s.kind() == StageKind.TRIGGER
        || e.onMismatch() != ExpectedInput.OnMismatch.REJECT) {
      return List.of();
    }
    try {
      List<Step> out = new ArrayList<>();
      SchemaFields.required(CompiledSchema.node(e.ref()))
          .forEach((p, t) -> out.add(new FieldEffects.Set(p, t)));
      return out;
    } catch (IllegalArgumentException ex) {
      return List.of();
    }
  }

  private Presence eval(String p, ResolvedStage s, int i) {
    String key = s.name() + '\u0000' + i + '\u0000' + p;
    Presence cached = memo.get(key);
    if (cached == null) {
      cached = compute(p, s, i);
      memo.put(key, cached);
    }
    return cached;
  }

  private Presence compute(String p, ResolvedStage s, int i) {
    if (i == 0) {
      return input(p, s);
    }
    Step step = steps.get(s.name()).get(i - 1);
    if (step instanceof FieldEffects.Set x) {
      if (x.path().equals(p)) {
        return Presence.present(x.type(), s);
      }
      if (covers(p, x.path())) {
        return Presence.present("object", s);
      }
      return covers(x.path(), p)
          ? Presence.unknown(s, "sets '" + x.path() + "' as a whole")
          : eval(p, s, i - 1);
    }
    if (step instanceof FieldEffects.Changed c) {
      if (covers(c.path(), p)) {
        return Presence.unknown(s, "may leave '" + c.path() + "' unset");
      }
      Presence prev = eval(p, s, i - 1);
      return covers(p, c.path()) && prev.state() == Presence.State.ABSENT
          ? Presence.unknown(s, "may set '" + c.path() + "'")
          : prev;
    }
    if (step instanceof FieldEffects.Remove r) {
      return covers(r.path(), p) ? Presence.absent(s, "drops it") : eval(p, s, i - 1);
    }
    if (step instanceof FieldEffects.Keep k) {
      return keep(p, s, i, k);
    }
    if (step instanceof FieldEffects.Rename r) {
      return rename(p, s, i, r);
    }
    return Presence.unknown(
        s,
        s.kind() == StageKind.TRIGGER
            ? "does not declare its records' fields"
            : "may change any field");
  }

  private Presence keep(String p, ResolvedStage s, int i, FieldEffects.Keep k) {
    for (String kept : k.paths()) {
      if (covers(kept, p) || covers(p, kept)) {
        return eval(p, s, i - 1);
      }
    }
    return Presence.absent(
        s, k.paths().isEmpty() ? "never sets it" : "keeps only " + String.join(", ", k.paths()));
  }

  private Presence rename(String p, ResolvedStage s, int i, FieldEffects.Rename r) {
    for (Map.Entry<String, String> m : r.moves().entrySet()) {
      if (covers(m.getValue(), p)) {
        String source = m.getKey() + p.substring(m.getValue().length());
        Presence from = eval(source, s, i - 1);
        return from.state() == Presence.State.PRESENT ? Presence.present(from.type(), s) : from;
      }
    }
    for (Map.Entry<String, String> m : r.moves().entrySet()) {
      if (covers(m.getKey(), p)) {
        return Presence.absent(s, "renames it to '" + m.getValue() + "'");
      }
    }
    return eval(p, s, i - 1);
  }

  /** The merge of what every input of {@code s} emits; a trigger starts with nothing known. */
  private Presence input(String p, ResolvedStage s) {
    if (s.inputs().isEmpty()) {
      return Presence.unknown(s, "does not declare its records' fields");
    }
    Presence merged = null;
    for (String in : s.inputs()) {
      ResolvedStage up = flow.stage(in);
      Presence pr = eval(p, up, steps.get(in).size());
      if (merged == null) {
        merged = pr;
      } else if (pr.state() == Presence.State.ABSENT) {
        merged = merged.state() == Presence.State.ABSENT ? merged : pr;
      } else if (merged.state() == Presence.State.PRESENT) {
        merged =
            pr.state() == Presence.State.PRESENT
                ? Presence.present(
                    java.util.Objects.equals(pr.type(), merged.type()) ? pr.type() : null,
                    merged.stage())
                : pr;
      }
    }
    return merged;
  }

  /** True when {@code outer} is {@code inner} or one of its ancestors. */
  static boolean covers(String outer, String inner) {
    return inner.equals(outer) || inner.startsWith(outer + ".");
  }
}
