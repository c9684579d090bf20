package org.eldercare.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
