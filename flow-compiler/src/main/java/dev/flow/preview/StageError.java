package dev.flow.preview;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record a stage could not process, as its error record shows it.
 *
 * @param message the error message
 * @param record the record the stage failed on (per the flow's error policy), or null
 * @param errorRecord the whole error record, as the error stage would have received it
 */
public record StageError(String message, JsonNode record, JsonNode errorRecord) {}
