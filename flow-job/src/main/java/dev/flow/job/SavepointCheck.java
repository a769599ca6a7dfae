package dev.flow.job;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.spi.StageKind;
import dev.flow.spi.StageState;
import dev.flow.translate.StageUids;
import dev.flow.upgrade.StateDiff;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.io.DataInputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.state.filesystem.AbstractFsCheckpointStorageAccess;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamGraphHasherV2;
import org.apache.flink.streaming.api.graph.StreamNode;

/**
 * Before a flow restores a savepoint: finds the savepoint's operator state that the compiled job
 * has no operator for (a stateful stage renamed or removed), which Flink would refuse with "Cannot
 * map checkpoint/savepoint state for operator", and names the stages of the new flow that have no
 * state in the savepoint. Operator IDs are computed from the job's uids the way Flink computes
 * them.
 */
public final class SavepointCheck {
  private SavepointCheck() {}

  /**
   * The problems of restoring the savepoint in {@code env}'s configuration into the flow compiled
   * in {@code env}; empty when there is no savepoint, non-restored state is allowed, or every
   * operator state of the savepoint finds its operator. When the savepoint cannot be read here, a
   * one-line notice goes to {@code notices} and the result is empty.
   */
  public static List<Problem> problems(
      ValidatedFlow flow, StreamExecutionEnvironment env, PrintStream notices) {
    ReadableConfig conf = env.getConfiguration();
    String path = conf.get(StateRecoveryOptions.SAVEPOINT_PATH);
    if (path == null || conf.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE)) {
      return List.of();
    }
    CheckpointMetadata metadata;
    try {
      var location = AbstractFsCheckpointStorageAccess.resolveCheckpointPointer(path);
      try (DataInputStream in =
          new DataInputStream(location.getMetadataHandle().openInputStream())) {
        metadata =
            Checkpoints.loadCheckpointMetadata(in, SavepointCheck.class.getClassLoader(), path);
      }
    } catch (Exception | LinkageError e) {
      notices.println(
          "Flow: the savepoint "
              + path
              + " cannot be read here ("
              + e.getMessage()
              + "), so its state is not checked against the flow before submission.");
      return List.of();
    }
    return problems(flow, env.getStreamGraph(false), metadata, path);
  }

  static List<Problem> problems(
      ValidatedFlow flow, StreamGraph graph, CheckpointMetadata metadata, String path) {
    Map<OperatorID, String> uidOf = new HashMap<>();
    Map<String, OperatorID> idOf = new HashMap<>();
    for (Map.Entry<Integer, byte[]> e :
        new StreamGraphHasherV2().traverseStreamGraphAndGenerateHashes(graph).entrySet()) {
      StreamNode node = graph.getStreamNode(e.getKey());
      OperatorID id = new OperatorID(e.getValue());
      String uid =
          node.getTransformationUID() == null
              ? node.getOperatorName()
              : node.getTransformationUID();
      uidOf.put(id, uid);
      idOf.put(uid, id);
    }
    Map<OperatorID, OperatorState> saved = new LinkedHashMap<>();
    Map<String, Integer> orphans = new LinkedHashMap<>();
    for (OperatorState s : metadata.getOperatorStates()) {
      saved.put(s.getOperatorID(), s);
      if (!uidOf.containsKey(s.getOperatorID()) && holdsState(s)) {
        orphans.merge(kind(s), 1, Integer::sum);
      }
    }
    if (orphans.isEmpty()) {
      return List.of();
    }
    int count = orphans.values().stream().mapToInt(Integer::intValue).sum();
    List<Problem> problems = new ArrayList<>();
    problems.add(
        Problem.error(
            new Location(flow.def().source(), 0, 0),
            null,
            "the savepoint "
                + path
                + " holds the state of "
                + count
                + (count == 1 ? " operator" : " operators")
                + " that this flow does not have ("
                + String.join(
                    ", ", orphans.keySet().stream().map(k -> orphans.get(k) + " " + k).toList())
                + "); a stateful stage was renamed or removed, and restoring would drop that"
                + " state"));
    for (ResolvedStage stage : flow.stages()) {
      Optional<StageState> state = StateDiff.stateOf(stage);
      if (state.isEmpty() || !fits(stage.kind(), orphans.keySet())) {
        continue;
      }
      boolean restored = false;
      for (String suffix : state.get().uidSuffixes()) {
        String uid =
            suffix.isEmpty() ? StageUids.of(stage.name()) : StageUids.of(stage.name(), suffix);
        OperatorID id = idOf.get(uid);
        restored |= id != null && saved.containsKey(id);
      }
      if (!restored) {
        problems.add(
            Problem.error(
                    stage.def().location(),
                    stage.name(),
                    "has no state in the savepoint, so it would start empty; if it was renamed,"
                        + " give it back its old name to keep its state ("
                        + state.get().what()
                        + ")")
                .withAction(stage.factory().name()));
      }
    }
    return problems;
  }

  /** The last line printed after the problems. */
  public static String refusal() {
    return "Nothing was submitted. To drop that state and run anyway, pass --allowNonRestoredState"
        + " to flink run (or set execution.savepoint.ignore-unclaimed-state: true).";
  }

  private static boolean holdsState(OperatorState s) {
    if (s.getCoordinatorState() != null) {
      return true;
    }
    for (OperatorSubtaskState sub : s.getStates()) {
      if (sub.hasState()) {
        return true;
      }
    }
    return false;
  }

  private static String kind(OperatorState s) {
    if (s.getCoordinatorState() != null) {
      return "source";
    }
    for (OperatorSubtaskState sub : s.getStates()) {
      if (!sub.getManagedKeyedState().isEmpty() || !sub.getRawKeyedState().isEmpty()) {
        return "keyed";
      }
    }
    return "operator-state";
  }

  private static boolean fits(StageKind kind, java.util.Set<String> orphanKinds) {
    return switch (kind) {
      case TRIGGER -> orphanKinds.contains("source");
      case TRANSFORM -> orphanKinds.contains("keyed") || orphanKinds.contains("operator-state");
      case PUBLISHER -> orphanKinds.contains("operator-state");
    };
  }
}
