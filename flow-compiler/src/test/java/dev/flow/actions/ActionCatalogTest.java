package dev.flow.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.TestOptions;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.Prop;
import dev.flow.spi.StageKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Checks the packaged actions as the catalog sees them: registered, named, and declared. */
class ActionCatalogTest {

  private static List<ActionFactory<?>> packaged() {
    List<ActionFactory<?>> out = new ArrayList<>();
    for (ActionFactory<?> f : ServiceLoader.load(ActionFactory.class)) {
      if (f.getClass().getPackageName().startsWith("dev.flow.actions.")) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void everyPackagedActionIsRegisteredWithItsKind() {
    Map<String, StageKind> kinds = new TreeMap<>();
    for (ActionFactory<?> f : packaged()) {
      kinds.put(f.name(), f.kind());
    }
    assertThat(kinds)
        .containsEntry("Inline Records", StageKind.TRIGGER)
        .containsEntry("Generator", StageKind.TRIGGER)
        .containsEntry("Schedule", StageKind.TRIGGER)
        .containsEntry("Remap Fields", StageKind.TRANSFORM)
        .containsEntry("Explode", StageKind.TRANSFORM)
        .containsEntry("Log", StageKind.PUBLISHER)
        .containsEntry("Trash", StageKind.PUBLISHER);
  }

  @Test
  void namesAndAliasesAreUniqueWhenMatchedLoosely() {
    Set<String> seen = new HashSet<>();
    for (ActionFactory<?> f : packaged()) {
      List<String> names = new ArrayList<>(f.aliases());
      names.add(f.name());
      for (String n : names) {
        String key = n.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
        assertThat(seen.add(key)).as("duplicate action name %s", n).isTrue();
      }
      assertThat(f.description()).isNotBlank().endsWith(".");
    }
  }

  @Test
  void everyPropIsDeclaredWithADescriptionAndADefaultThatBinds() {
    for (ActionFactory<?> f : packaged()) {
      Class<? extends Record> options = f.optionsClass();
      assertThat(options.isRecord()).isTrue();
      for (RecordComponent c : options.getRecordComponents()) {
        Prop prop = c.getAnnotation(Prop.class);
        assertThat(prop).as("%s.%s has @Prop", options.getSimpleName(), c.getName()).isNotNull();
        assertThat(prop.description()).as("%s description", c.getName()).isNotBlank().endsWith(".");
        assertThat(prop.required() && !Prop.NO_DEFAULT.equals(prop.defaultValue()))
            .as("%s: a required prop has no default", c.getName())
            .isFalse();
      }
      // Every default converts to its declared type (required props are left unset).
      assertThat(TestOptions.defaults(options)).isNotNull();
    }
  }
}
