package dev.flow.factory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation of factories from the fixtures in {@code src/test/resources/factories/}: cycles,
 * missing flows, invalid flows, data contracts and clashing writers, with their exact text and
 * locations in the factory file and in the flow files.
 */
class FactoryValidationTest {
  private static final String DIR = "src/test/resources/factories/";

  private static ValidatedFactory validate(String name) {
    return Factories.validate(Path.of(DIR + name + "/factory.yaml"), List.of());
  }

  private static List<String> lines(ValidatedFactory v) {
    return v.problems().stream().map(Problem::format).toList();
  }

  @Test
  void aCycleThroughFlowsNamesThemAndIsLocatedAtTheFirstFlow() {
    ValidatedFactory v = validate("cycle");
    assertThat(lines(v))
        .containsExactly(
            DIR
                + "cycle/factory.yaml:3:5: error: the flows form a cycle: 'A' -> 'B' -> 'A'; edges:"
                + " A -> B: queue q2 (test), B -> A: queue q1 (test); remove an 'after' or a shared"
                + " resource");
    assertThat(v.order()).isEmpty();
  }

  @Test
  void missingFlowsUnknownAfterAndUnknownKeysAreLocatedInTheFactoryFile() {
    assertThat(lines(validate("missing")))
        .containsExactly(
            DIR
                + "missing/factory.yaml:4:11: error: flow file 'nope.yaml' does not exist; paths"
                + " are relative to the factory file, here "
                + DIR
                + "missing/nope.yaml",
            DIR
                + "missing/factory.yaml:5:11: error: flow 'here.yaml' is listed twice; it is"
                + " already at "
                + DIR
                + "missing/factory.yaml:3:11",
            DIR
                + "missing/factory.yaml:6:13: error: 'after' names no flow of the factory: 'Hre';"
                + " did you mean 'Here'? Flows: Here, nope.yaml",
            DIR
                + "missing/factory.yaml:7:5: error: a flow needs exactly one of 'path' and"
                + " 'catalog'; write 'path: flow.yaml', relative to the factory file",
            DIR
                + "missing/factory.yaml:7:6: error: unknown flow key 'pth'; did you mean 'path'?"
                + " Known keys: path, catalog, after");
  }

  @Test
  void aMissingParameterSetFileIsTheOneErrorNotEveryReferenceToItsSets() {
    assertThat(lines(validate("noparams")))
        .containsExactly(
            DIR
                + "noparams/factory.yaml:2:17: error: parameter set file 'queues.yaml' does not"
                + " exist; paths are relative to the factory file, here "
                + DIR
                + "noparams/queues.yaml");
  }

  @Test
  void aFlowThatFailsItsOwnValidationKeepsItsProblemsInItsOwnFile() {
    assertThat(lines(validate("invalid")))
        .containsExactly(
            DIR
                + "invalid/broken.yaml:5:24: error: stage \"in\" (Queue Trigger): unknown prop"
                + " 'qeue'; did you mean 'queue'? Known props: queue, parallelism, expectedInput,"
                + " retry",
            DIR
                + "invalid/factory.yaml:3:11: error: flow 'broken.yaml' does not validate: 1 error"
                + " in "
                + DIR
                + "invalid/broken.yaml");
  }

  @Test
  void aRequiredFieldUpstreamDropsOrNeverSetsIsAnErrorAtBothPlaces() {
    String down = DIR + "contract/downstream.yaml";
    String up = DIR + "contract/upstream.yaml";
    assertThat(lines(validate("contract")))
        .containsExactly(
            down
                + ":7:7: error: stage \"in\": expectedInput requires field 'email', but flow"
                + " 'Upstream' drops it at stage 'tidy' ("
                + up
                + ":10:5) (queue orders)",
            down
                + ":7:7: error: stage \"in\": expectedInput wants field 'currency' to be string,"
                + " but flow 'Upstream' sets it as integer at stage 'tidy' (queue orders)",
            down
                + ":7:7: error: stage \"in\": expectedInput requires field 'country', but flow"
                + " 'Upstream' never sets it: stage 'orders' ("
                + up
                + ":3:5) emits records without it (queue orders)",
            up
                + ":3:5: error: stage \"orders\": emits records without field 'country', which"
                + " flow 'Downstream' requires at "
                + down
                + ":7:7 (queue orders)",
            up
                + ":10:5: error: stage \"tidy\": drops field 'email', which flow 'Downstream'"
                + " requires at "
                + down
                + ":7:7 (queue orders)",
            up
                + ":10:5: error: stage \"tidy\": sets field 'currency' as integer; flow"
                + " 'Downstream' wants string at "
                + down
                + ":7:7 (queue orders)");
  }

  @Test
  void aFieldThatCannotBeProvenIsAWarning() {
    ValidatedFactory v = validate("unproven");
    assertThat(lines(v))
        .containsExactly(
            DIR
                + "unproven/downstream.yaml:10:7: warning: stage \"first\": cannot prove that flow"
                + " 'Upstream' sets required field 'id' (queue orders): its stage 'custom' (Test"
                + " Transform) may change any field");
    assertThat(v.hasErrors()).isFalse();
  }

  @Test
  void twoWritersOfOneResourceWithTheSameExclusiveIdClash() {
    String one = DIR + "clash/one.yaml";
    String two = DIR + "clash/two.yaml";
    assertThat(lines(validate("clash")))
        .containsExactly(
            one
                + ":7:5: error: stage \"out\" (Queue Publisher): writes queue shared with the"
                + " writer id 'same', as does stage 'out' of flow 'Two' ("
                + two
                + ":7:5); two writers of one resource may not share it; give each writer one of"
                + " its own",
            two
                + ":7:5: error: stage \"out\" (Queue Publisher): writes queue shared with the"
                + " writer id 'same', as does stage 'out' of flow 'One' ("
                + one
                + ":7:5); two writers of one resource may not share it; give each writer one of"
                + " its own");
  }

  @Test
  void aCustomActionJoinsFlowsThroughTheResourcesItDeclares() {
    ValidatedFactory v = validate("unproven");
    assertThat(v.edges())
        .extracting(
            e -> e.from() + "->" + e.to() + " " + e.label() + " " + e.writer() + "/" + e.reader())
        .containsExactly("0->1 queue orders out/in");
    assertThat(v.order()).containsExactly(0, 1);
  }
}
