package dev.flow.factory;

import dev.flow.spi.Resource;
import dev.flow.validate.ResolvedStage;

/**
 * A resource one stage of one flow of a factory reads or writes.
 *
 * @param flow the flow's index in the factory
 * @param stage the stage
 * @param resource what it reads or writes
 */
public record Endpoint(int flow, ResolvedStage stage, Resource resource) {}
