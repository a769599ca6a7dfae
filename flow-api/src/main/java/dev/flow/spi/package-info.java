/**
 * The action SPI: what a trigger, transform or publisher implements to be usable as a stage.
 *
 * <p>An action is one factory ({@link dev.flow.spi.TriggerFactory}, {@link
 * dev.flow.spi.TransformFactory} or {@link dev.flow.spi.RecordTransformFactory} for one record at a
 * time, {@link dev.flow.spi.PublisherFactory}) and one options record whose components carry {@link
 * dev.flow.spi.Prop}. Factories are found through {@code
 * META-INF/services/dev.flow.spi.ActionFactory}. The framework hands a factory a {@link
 * dev.flow.spi.StageContext} with the stage's stable uids, parallelism, error routing and settings.
 *
 * <p>Types marked {@link dev.flow.api.Stable} are the API; those marked {@link
 * dev.flow.api.Internal} serve Flow's own modules only.
 */
@Stable
package dev.flow.spi;

import dev.flow.api.Stable;
