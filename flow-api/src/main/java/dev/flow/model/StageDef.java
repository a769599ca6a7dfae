package dev.flow.model;

import java.util.List;

/**
 * One stage of a flow as written: its name, action, props and outgoing edges.
 *
 * @param name unique within the flow
 * @param action the action name as written (matched loosely against packaged actions)
 * @param props the props mapping, with locations
 * @param out names of the stages that receive this stage's output, each with its location
 * @param location where the stage's mapping starts
 * @param nameLocation where the name value is, for messages about the name
 * @param actionLocation where the action value is
 */
public record StageDef(
    String name,
    String action,
    Node.MapNode props,
    List<Ref> out,
    Location location,
    Location nameLocation,
    Location actionLocation) {

  public StageDef {
    out = List.copyOf(out);
  }

  /** A reference to another stage by name, with where it was written. */
  public record Ref(String name, Location location) {}
}
