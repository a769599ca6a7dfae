package dev.flow.spi;

/**
 * What an action may need to name the resources a stage reads and writes: the flow and stage names
 * (for defaults derived from them) and the flow's settings.
 *
 * @param flowName the flow's name
 * @param stageName the stage's name
 * @param settings the flow-level settings
 */
public record IoContext(String flowName, String stageName, FlowSettings settings) {}
