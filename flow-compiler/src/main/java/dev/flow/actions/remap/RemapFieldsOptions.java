package dev.flow.actions.remap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.util.List;
import java.util.Map;

/**
 * Props of the {@code Remap Fields} transform. They apply in this order: {@code keep}, {@code
 * drop}, {@code redact}, {@code rename}, {@code set}. Every path names a field of the input record,
 * except the targets of {@code rename} and the paths of {@code set}, which name output fields.
 *
 * @param keep paths to keep; everything else is removed (when not empty)
 * @param drop paths to remove
 * @param redact paths whose values are hidden
 * @param redactWith the text that replaces a redacted value (mask mode)
 * @param redactMode mask or hash
 * @param rename path → new path
 * @param set path → constant JSON value
 * @param strict whether a missing field in rename or redact is an error
 */
public record RemapFieldsOptions(
    @Prop(
            description =
                "Paths to keep; every other field is removed. Applied first. Empty keeps all.",
            example = "[id, customer.name]")
        List<FieldPath> keep,
    @Prop(description = "Paths to remove. Applied after keep.", example = "[debug, customer.ssn]")
        List<FieldPath> drop,
    @Prop(
            description = "Paths whose values are hidden (see redactMode). Applied after drop.",
            example = "[customer.email]")
        List<FieldPath> redact,
    @Prop(description = "The text that replaces a redacted value.", defaultValue = "***")
        String redactWith,
    @Prop(
            description =
                "mask replaces a redacted value with redactWith; hash replaces it with the SHA-256"
                    + " hex of its text (not a secret: guessable values can be recovered).",
            defaultValue = "mask")
        RedactMode redactMode,
    @Prop(
            description =
                "Path → new path; all values move at once, so a swap works. Applied after redact.",
            example = "{user_id: user.id, ts: timestamp}")
        Map<FieldPath, FieldPath> rename,
    @Prop(
            description = "Path → constant JSON value, set last (overwrites).",
            example = "{source: web, version: 2}")
        Map<FieldPath, JsonNode> set,
    @Prop(
            description =
                "When true, a record that lacks a field named in rename or redact goes to the"
                    + " error stage unchanged; when false, the missing field is skipped.",
            defaultValue = "false")
        boolean strict) {

  /** How redacted values are hidden. */
  public enum RedactMode {
    /** Replaced by {@code redactWith}. */
    MASK,
    /** Replaced by the lower-case hex SHA-256 of the value's text (a string's own text). */
    HASH
  }
}
