/**
 * The two annotations that say what of Flow is public API: {@link dev.flow.api.Stable} on what an
 * action author builds on, {@link dev.flow.api.Internal} on what is public only for Flow's own
 * modules.
 *
 * <p>An action author compiles against {@code flow-api} (this jar: {@code dev.flow.spi}, {@code
 * dev.flow.record}, {@code dev.flow.model}) and tests with {@code flow-testing}; nothing else of
 * Flow is API.
 */
package dev.flow.api;
