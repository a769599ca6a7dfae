package dev.flow.job.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of Flow, checked on the compiled main classes of every module this one sees: the model
 * at the bottom, then the API, the compiler, the connectors, the upgrade checks, and the runner,
 * the tools and the test harness on top.
 */
class LayeringTest {

  /** The packages of flow-api. */
  static final String[] API = {
    "dev.flow.api..", "dev.flow.spi..", "dev.flow.record..", "dev.flow.model.."
  };

  /** The packages of flow-compiler that are not tooling. */
  static final String[] COMPILER = {
    "dev.flow",
    "dev.flow.parse..",
    "dev.flow.validate..",
    "dev.flow.expr..",
    "dev.flow.translate..",
    "dev.flow.actions..",
    "dev.flow.jsonschema.."
  };

  /** The tools built on the compiler, wherever they live. */
  static final String[] TOOLING = {
    "dev.flow.preview..",
    "dev.flow.flowtest..",
    "dev.flow.job.graph..",
    "dev.flow.job.deploy..",
    "dev.flow.job.init..",
    "dev.flow.job.local..",
    "dev.flow.job.preview..",
    "dev.flow.job.cli.."
  };

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.flow");
    // The modules come as target/classes folders in a test run and as jars after package.
    assertThat(classes.contain("dev.flow.connectors.kafka.KafkaTriggerFactory")).isTrue();
    assertThat(classes.contain("dev.flow.spi.ActionFactory")).isTrue();
  }

  static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void theModelDependsOnNothingElse() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.flow.model..")
            .should()
            .dependOnClassesThat(
                resideInAnyPackage(
                        "dev.flow..", "org.apache.flink..", "com.fasterxml..", "org.yaml..")
                    .and(not(resideInAPackage("dev.flow.model.."))))
            .because("the model is plain Java records that every layer and tool shares"));
  }

  @Test
  void theApiDependsOnNothingButItself() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(API)
            .should()
            .dependOnClassesThat(resideInAPackage("dev.flow..").and(not(resideInAnyPackage(API))))
            .because("flow-api is the one jar an action author compiles against"));
  }

  @Test
  void noConnectorImportsAnother() {
    check(
        slices()
            .matching("dev.flow.connectors.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each connector is one package per system"));
  }

  @Test
  void theCompilerDoesNotImportConnectorsToolsOrTheRunner() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(COMPILER)
            .should()
            .dependOnClassesThat(
                resideInAnyPackage(TOOLING)
                    .or(
                        resideInAnyPackage(
                            "dev.flow.connectors..", "dev.flow.job..", "dev.flow.testing..")))
            .because("the compiler knows actions only through the SPI, and tools sit on top"));
  }

  @Test
  void layersPointDownwards() {
    check(
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("API")
            .definedBy(API)
            .layer("Compiler")
            .definedBy(COMPILER)
            .layer("Connectors")
            .definedBy("dev.flow.connectors..")
            .layer("Tooling")
            .definedBy(TOOLING)
            .layer("Upgrade checks")
            .definedBy("dev.flow.upgrade..")
            .layer("Runner")
            .definedBy("dev.flow.job")
            .layer("Testing")
            .definedBy("dev.flow.testing..")
            .whereLayer("Testing")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Tooling")
            .mayOnlyBeAccessedByLayers("Tooling", "Testing")
            .whereLayer("Runner")
            .mayOnlyBeAccessedByLayers("Tooling")
            .whereLayer("Upgrade checks")
            .mayOnlyBeAccessedByLayers("Runner", "Tooling", "Testing")
            .whereLayer("Connectors")
            .mayOnlyBeAccessedByLayers("Runner", "Tooling")
            .whereLayer("Compiler")
            .mayOnlyBeAccessedByLayers(
                "Connectors", "Upgrade checks", "Runner", "Tooling", "Testing"));
  }
}
