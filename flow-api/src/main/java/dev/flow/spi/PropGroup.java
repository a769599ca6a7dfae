package dev.flow.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record of props declared once and used by several actions, such as how to reach a cloud
 * service or where a trigger starts reading. A component of such a type in an options record is
 * flattened: the group's props are written beside the record's own, not under the component's name,
 * and the docs and the editor schema list them so. The group's components carry {@link Prop} like
 * any options record's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PropGroup {}
