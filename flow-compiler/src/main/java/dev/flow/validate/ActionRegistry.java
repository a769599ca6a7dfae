package dev.flow.validate;

import dev.flow.parse.Suggestions;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.TriggerFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The actions stages can name: every {@link ActionFactory} registered in {@code
 * META-INF/services/dev.flow.spi.ActionFactory}, plus custom actions named by the full class name
 * of a factory on the classpath. Names match loosely: {@code Remap Fields}, {@code remap-fields}
 * and {@code remapFields} are the same action.
 */
public final class ActionRegistry {

  /**
   * The outcome of looking up an action name: the factory, or an error message with a hint.
   *
   * @param factory the action's factory, or null
   * @param error why the name does not resolve, or null
   * @param hint how to fix it, or null
   */
  public record Resolution(ActionFactory<? extends Record> factory, String error, String hint) {
    public boolean ok() {
      return factory != null;
    }
  }

  private static final Pattern CLASS_NAME =
      Pattern.compile("([\\p{L}_$][\\p{L}\\p{N}_$]*\\.)+[\\p{L}_$][\\p{L}\\p{N}_$]*");

  private final List<ActionFactory<? extends Record>> all;
  private final Map<String, ActionFactory<? extends Record>> byName = new LinkedHashMap<>();
  private final Map<String, String> conflicts = new LinkedHashMap<>();
  private final List<String> loadErrors;
  private final ClassLoader loader;
  private final Map<String, Resolution> custom = new ConcurrentHashMap<>();

  private ActionRegistry(
      List<ActionFactory<? extends Record>> factories,
      List<String> loadErrors,
      ClassLoader loader) {
    this.all = List.copyOf(factories);
    this.loadErrors = List.copyOf(loadErrors);
    this.loader = loader;
    for (ActionFactory<? extends Record> f : all) {
      register(f.name(), f);
      for (String alias : f.aliases()) {
        register(alias, f);
      }
    }
  }

  private void register(String name, ActionFactory<? extends Record> f) {
    String key = Suggestions.loose(name);
    ActionFactory<? extends Record> other = byName.get(key);
    if (other == null) {
      byName.put(key, f);
    } else if (other != f) {
      conflicts.merge(
          key,
          "action name '"
              + name
              + "' is registered more than once: by "
              + other.getClass().getName()
              + " and "
              + f.getClass().getName(),
          (a, b) -> a + " and " + f.getClass().getName());
    }
  }

  /** The actions registered with the context class loader. */
  public static ActionRegistry load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return load(cl != null ? cl : ActionRegistry.class.getClassLoader());
  }

  /** The actions registered with {@code loader}, which also loads custom action classes. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ActionRegistry load(ClassLoader loader) {
    List<ActionFactory<? extends Record>> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Iterator<ActionFactory> it = ServiceLoader.load(ActionFactory.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        errors.add(e.getMessage());
      }
    }
    return new ActionRegistry(found, errors, loader);
  }

  /** A registry of exactly these factories. */
  public static ActionRegistry of(List<? extends ActionFactory<? extends Record>> factories) {
    return new ActionRegistry(
        new ArrayList<>(factories), List.of(), ActionRegistry.class.getClassLoader());
  }

  /** Every registered action, in registration order. */
  public List<ActionFactory<? extends Record>> all() {
    return all;
  }

  /** Names registered by more than one action, each as a message naming the classes. */
  public List<String> conflicts() {
    return List.copyOf(conflicts.values());
  }

  /** Registrations that could not be loaded (a missing class or constructor). */
  public List<String> loadErrors() {
    return loadErrors;
  }

  /** Looks up the action a stage names. */
  public Resolution resolve(String name) {
    String key = Suggestions.loose(name);
    if (conflicts.containsKey(key)) {
      return new Resolution(null, conflicts.get(key), "remove one of the registrations");
    }
    ActionFactory<? extends Record> f = byName.get(key);
    if (f != null) {
      return new Resolution(f, null, null);
    }
    for (ActionFactory<? extends Record> a : all) {
      if (a.getClass().getName().equals(name)) {
        return new Resolution(a, null, null);
      }
    }
    if (CLASS_NAME.matcher(name).matches()) {
      return custom.computeIfAbsent(name, this::loadCustom);
    }
    List<String> names = new ArrayList<>();
    for (ActionFactory<? extends Record> a : all) {
      names.add(a.name());
      names.addAll(a.aliases());
    }
    String d = Suggestions.didYouMean(name, names);
    String hint =
        d != null
            ? d
            : "known actions: "
                + String.join(", ", all.stream().map(ActionFactory::name).sorted().toList())
                + "; a custom action is the full class name of an ActionFactory";
    if (!loadErrors.isEmpty()) {
      hint +=
          "; note that some registered actions failed to load: " + String.join("; ", loadErrors);
    }
    return new Resolution(null, "unknown action '" + name + "'", hint);
  }

  @SuppressWarnings("unchecked")
  private Resolution loadCustom(String name) {
    Class<?> c;
    try {
      c = Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return new Resolution(
          null,
          "unknown action '" + name + "': no such class on the classpath",
          "add the jar that holds it to the classpath");
    }
    if (!TriggerFactory.class.isAssignableFrom(c)
        && !TransformFactory.class.isAssignableFrom(c)
        && !PublisherFactory.class.isAssignableFrom(c)) {
      return new Resolution(
          null,
          "class " + name + " is not an action",
          "implement TriggerFactory, TransformFactory or PublisherFactory from dev.flow.spi");
    }
    if (Modifier.isAbstract(c.getModifiers())) {
      return new Resolution(null, "class " + name + " is abstract", null);
    }
    try {
      Constructor<?> ctor = c.getConstructor();
      return new Resolution((ActionFactory<? extends Record>) ctor.newInstance(), null, null);
    } catch (NoSuchMethodException e) {
      return new Resolution(
          null, "class " + name + " needs a public constructor without arguments", null);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable t = e.getCause() != null ? e.getCause() : e;
      return new Resolution(null, "class " + name + " could not be created: " + t, null);
    }
  }
}
