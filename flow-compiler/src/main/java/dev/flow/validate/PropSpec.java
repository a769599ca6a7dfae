package dev.flow.validate;

import dev.flow.spi.Prop;
import dev.flow.spi.PropGroup;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One prop of an options record, read from a record component and its {@link Prop} annotation. A
 * component without the annotation is still a prop, with no description and no default; a component
 * whose type is a {@link PropGroup} stands for the group's props ({@link #flat}).
 *
 * @param name the prop's name in YAML
 * @param component the record component
 * @param prop the annotation, or null
 */
public record PropSpec(String name, RecordComponent component, Prop prop) {

  private static final ClassValue<List<PropSpec>> CACHE =
      new ClassValue<>() {
        @Override
        protected List<PropSpec> computeValue(Class<?> type) {
          List<PropSpec> specs = new ArrayList<>();
          for (RecordComponent c : type.getRecordComponents()) {
            Prop p = c.getAnnotation(Prop.class);
            String name = p != null && !p.name().isEmpty() ? p.name() : c.getName();
            specs.add(new PropSpec(name, c, p));
          }
          return List.copyOf(specs);
        }
      };

  /** The props of a record type, in declaration order. */
  public static List<PropSpec> of(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType.getName() + " is not a record");
    }
    return CACHE.get(recordType);
  }

  private static final ClassValue<List<PropSpec>> FLAT =
      new ClassValue<>() {
        @Override
        protected List<PropSpec> computeValue(Class<?> type) {
          List<PropSpec> flat = new ArrayList<>();
          for (PropSpec p : of(type)) {
            if (p.isGroup()) {
              flat.addAll(flat(p.rawType()));
            } else {
              flat.add(p);
            }
          }
          return List.copyOf(flat);
        }
      };

  /**
   * The props of a record type as a flow writes them, in declaration order: the props of each
   * {@link PropGroup} component in its place.
   */
  public static List<PropSpec> flat(Class<?> recordType) {
    of(recordType);
    return FLAT.get(recordType);
  }

  /** The names of the props of a record type as a flow writes them, in declaration order. */
  public static List<String> names(Class<?> recordType) {
    return flat(recordType).stream().map(PropSpec::name).toList();
  }

  /** True when this component is a {@link PropGroup}, whose props sit beside the record's own. */
  public boolean isGroup() {
    return rawType().isAnnotationPresent(PropGroup.class);
  }

  /** The smallest value allowed, as written in YAML, or null. */
  public String min() {
    return prop == null || prop.min().isEmpty() ? null : prop.min();
  }

  /** The largest value allowed, as written in YAML, or null. */
  public String max() {
    return prop == null || prop.max().isEmpty() ? null : prop.max();
  }

  public Type type() {
    return component.getGenericType();
  }

  public Class<?> rawType() {
    return component.getType();
  }

  public String description() {
    return prop == null ? "" : prop.description();
  }

  /** The default as written in YAML, or null when there is none. */
  public String defaultValue() {
    return prop == null || Prop.NO_DEFAULT.equals(prop.defaultValue()) ? null : prop.defaultValue();
  }

  public boolean required() {
    return prop != null && prop.required();
  }

  public boolean secret() {
    return prop != null && prop.secret();
  }

  /** True for the path of a file that belongs with the flow (see {@link Prop#file()}). */
  public boolean isFile() {
    return prop != null && prop.file();
  }

  public String example() {
    return prop == null ? "" : prop.example();
  }
}
