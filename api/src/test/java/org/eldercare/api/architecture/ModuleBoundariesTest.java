package org.eldercare.api.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.ingest.topic.TopicPatternSpec;
import org.eldercare.ingest.topic.TopicSpec;
import org.eldercare.search.index.IndexSpec;
import org.eldercare.streaming.JobEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ModuleBoundariesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.eldercare");
    }

    @Test
    void onlyTheApiUsesSpring() {
        noClasses()
                .that()
                .resideInAnyPackage("org.eldercare.ingest..", "org.eldercare.search..", "org.eldercare.streaming..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("ingest, search and streaming run without Spring: in Flink jobs and in the benchmarks")
                .check(classes);
    }

    @Test
    void theProductionApiCarriesNeitherFlinkNorTheLocalPlatform() {
        noClasses()
                .that()
                .resideInAPackage("org.eldercare.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.flink..", "org.eldercare.infra..")
                .because("the API reads what the jobs wrote to Elasticsearch; submitting jobs and running the embedded"
                        + " stack belong to the local platform (infra/platform/local-platform), so the production jar has no"
                        + " Flink and no embedded nodes")
                .check(classes);
    }

    @Test
    void theProductDependsOnNeitherThePlatformNorTheTools() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.eldercare.ingest..",
                        "org.eldercare.search..",
                        "org.eldercare.streaming..",
                        "org.eldercare.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.eldercare.infra..", "org.eldercare.tools..", "org.eldercare.benchmark..")
                .because("the product ships alone; the local platform (infra/platform) and the tools (infra/tools:"
                        + " simulator, evaluation, benchmarks) are built on it, never the other way round")
                .check(classes);
    }

    @Test
    void theEventContractDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("org.eldercare.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.eldercare.search..", "org.eldercare.streaming..", "org.eldercare.api..")
                .because("every module builds on the event contract, never the other way round")
                .check(classes);
    }

    @Test
    void theApiPackagesAreFreeOfCycles() {
        slices().matching("org.eldercare.api.(*)..")
                .should()
                .beFreeOfCycles()
                .because("each feature package builds on system and platform, never the other way round, so a"
                        + " package can be understood, tested and moved on its own")
                .check(classes);
    }

    @Test
    void onlyJobEnvironmentBuildsAFlinkEnvironment() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(JobEnvironment.class.getName())
                .should()
                .callMethodWhere(target(owner(type(StreamExecutionEnvironment.class)))
                        .and(target(nameMatching(
                                "getExecutionEnvironment|createLocalEnvironment.*|createRemoteEnvironment"))))
                .because("one way to build the Flink environment (issue #13): parallelism, checkpoints, restart"
                        + " strategy and the resume from the newest checkpoint are set in JobEnvironment only")
                .check(classes);
    }

    @Test
    void onlyTheTopicRegistryDeclaresTopics() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.eldercare.ingest.topic..")
                .should()
                .callConstructorWhere(target(owner(type(TopicSpec.class))))
                .orShould()
                .callConstructorWhere(target(owner(type(TopicPatternSpec.class))))
                .because("each topic has one owner, TopicRegistry (ingest): name, key rule and configs in one place,"
                        + " so a topic never gets a second key scheme (issue #13)")
                .check(classes);
    }

    @Test
    void onlyTheIndexRegistryDeclaresIndexes() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.eldercare.search.index..")
                .should()
                .callConstructorWhere(target(owner(type(IndexSpec.class))))
                .because("each index has one owner, IndexRegistry (search): name, mapping and id rule in one place"
                        + " (issue #13)")
                .check(classes);
    }

    @Test
    void noPackageOfTheProductIsInACycle() {
        slices().matching("org.eldercare.(**)")
                .should()
                .beFreeOfCycles()
                .because("a package that needs a package needing it back cannot be read, tested or moved alone;"
                        + " streaming and streaming.kafka, api.intake and api.system once were such pairs")
                .check(classes);
    }
}
