package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FlowRecord;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import dev.flow.testactions.CustomTestTransform;
import dev.flow.testactions.TestSinkFactory;
import dev.flow.testactions.TestSourceFactory;
import dev.flow.testactions.TestTransformFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionRegistryTest {

  private final ActionRegistry registry = ActionRegistry.load();

  @Test
  void discoversRegisteredFactories() {
    assertThat(registry.all())
        .extracting(ActionFactory::name)
        .contains("Test Source", "Test Transform", "Test Sink");
    assertThat(registry.conflicts()).isEmpty();
    assertThat(registry.loadErrors()).isEmpty();
  }

  @Test
  void matchesNamesLoosely() {
    for (String name :
        List.of(
            "Test Transform",
            "test-transform",
            "testTransform",
            "TEST_TRANSFORM",
            "test transform")) {
      assertThat(registry.resolve(name).factory())
          .as(name)
          .isInstanceOf(TestTransformFactory.class);
    }
    assertThat(registry.resolve("test-origin").factory()).isInstanceOf(TestSourceFactory.class);
    assertThat(registry.resolve(TestSinkFactory.class.getName()).factory())
        .isInstanceOf(TestSinkFactory.class);
  }

  @Test
  void unknownNamesGetDidYouMeanOrTheList() {
    ActionRegistry.Resolution r =
        ActionRegistry.of(List.of(new TestSourceFactory(), new TestSinkFactory()))
            .resolve("Test Sorce");
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo("unknown action 'Test Sorce'");
    assertThat(r.hint()).isEqualTo("did you mean 'Test Source'?");
    r = ActionRegistry.of(List.of(new TestSourceFactory(), new TestSinkFactory())).resolve("Kafka");
    assertThat(r.hint())
        .isEqualTo(
            "known actions: Test Sink, Test Source; a custom action is the full class name of an"
                + " ActionFactory");
  }

  @Test
  void customActionsByClassName() {
    assertThat(registry.resolve(CustomTestTransform.class.getName()).factory())
        .isInstanceOf(CustomTestTransform.class);
    ActionRegistry.Resolution missing = registry.resolve("com.example.NoSuchAction");
    assertThat(missing.error())
        .isEqualTo("unknown action 'com.example.NoSuchAction': no such class on the classpath");
    assertThat(registry.resolve("java.lang.String").error())
        .isEqualTo("class java.lang.String is not an action");
    assertThat(registry.resolve(NoDefaultConstructor.class.getName()).error())
        .isEqualTo(
            "class "
                + NoDefaultConstructor.class.getName()
                + " needs a public constructor without arguments");
  }

  @Test
  void duplicateRegistrationsAreAClearError() {
    ActionRegistry r =
        ActionRegistry.of(List.of(new TestSinkFactory(), new OtherSink("test-sink")));
    assertThat(r.conflicts())
        .containsExactly(
            "action name 'test-sink' is registered more than once: by "
                + TestSinkFactory.class.getName()
                + " and "
                + OtherSink.class.getName());
    ActionRegistry.Resolution res = r.resolve("Test Sink");
    assertThat(res.ok()).isFalse();
    assertThat(res.error()).isEqualTo(r.conflicts().get(0));
  }

  @Test
  void brokenRegistrationsAreReportedNotThrown(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(ActionFactory.class.getName()), "com.example.Missing\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      ActionRegistry r = ActionRegistry.load(loader);
      assertThat(r.loadErrors()).hasSize(1);
      assertThat(r.loadErrors().get(0)).contains("com.example.Missing");
      assertThat(r.all()).extracting(ActionFactory::name).contains("Test Source");
      assertThat(r.resolve("Kafka").hint())
          .contains("; note that some registered actions failed to load: ")
          .contains("com.example.Missing");
    }
  }

  /** A publisher whose name is chosen by the test. */
  static final class OtherSink implements PublisherFactory<TestSinkFactory.Options> {
    private final String name;

    OtherSink(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return "Another sink.";
    }

    @Override
    public Class<TestSinkFactory.Options> optionsClass() {
      return TestSinkFactory.Options.class;
    }

    @Override
    public void publish(
        DataStream<FlowRecord> input, TestSinkFactory.Options options, StageContext ctx) {}
  }

  /** An action class that cannot be created by name. */
  public static final class NoDefaultConstructor extends OtherSinkBase {
    public NoDefaultConstructor(String name) {
      super();
    }
  }

  /** A base that makes {@link NoDefaultConstructor} a publisher. */
  public abstract static class OtherSinkBase implements PublisherFactory<TestSinkFactory.Options> {
    @Override
    public String name() {
      return "No Default Constructor";
    }

    @Override
    public String description() {
      return "Cannot be created by name.";
    }

    @Override
    public Class<TestSinkFactory.Options> optionsClass() {
      return TestSinkFactory.Options.class;
    }

    @Override
    public void publish(
        DataStream<FlowRecord> input, TestSinkFactory.Options options, StageContext ctx) {}
  }
}
