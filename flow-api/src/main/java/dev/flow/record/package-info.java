/**
 * The record that flows between stages, {@link dev.flow.record.FlowRecord}: a JSON object payload
 * read lazily from its bytes, plus the run id, trigger time and event time; {@link
 * dev.flow.record.FieldPath} names a field inside it and {@link dev.flow.record.Json} holds the
 * shared Jackson mapper.
 *
 * <p>The JSON scanners, the lazy object and the serializer behind it are package-private or marked
 * {@link dev.flow.api.Internal}.
 */
@Stable
package dev.flow.record;

import dev.flow.api.Stable;
