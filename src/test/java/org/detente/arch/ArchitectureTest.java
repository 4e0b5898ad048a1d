package org.detente.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the shipped classes (docs/architecture.md): no cycle between packages, and
 * an engine that knows neither the command line, the analysis, the report, the effects model, the
 * negotiation model nor any I/O.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.detente");
  }

  @Test
  void packagesHaveNoCycle() {
    slices().matching("org.detente.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void engineKnowsNoCommandLineAnalysisReportOrCollaboratorImplementation() {
    noClasses().that().resideInAPackage("org.detente.engine..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.detente.cli..", "org.detente.analysis..", "org.detente.report..",
            "org.detente.effects..", "org.detente.bargain..", "org.detente.events..",
            "picocli..")
        .check(classes);
  }

  @Test
  void eventDataKnowsNoCommandLineReportOrAnalysis() {
    noClasses().that().resideInAPackage("org.detente.events..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.detente.cli..", "org.detente.report..", "org.detente.analysis..", "picocli..")
        .check(classes);
  }

  @Test
  void engineDoesNoIo() {
    noClasses().that().resideInAPackage("org.detente.engine..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.net..", "com.fasterxml.jackson..",
            "org.yaml..")
        .because("the engine computes runs; reading and writing belong to scenario, cli and report")
        .check(classes);
  }

  @Test
  void vocabularyAndGeographyStandAlone() {
    noClasses().that().resideInAnyPackage("org.detente.model..", "org.detente.geo..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.detente.engine..", "org.detente.scenario..", "org.detente.effects..",
            "org.detente.bargain..", "org.detente.analysis..", "org.detente.report..",
            "org.detente.cli..")
        .check(classes);
  }

  @Test
  void scenarioDependsOnNoComputation() {
    noClasses().that().resideInAPackage("org.detente.scenario..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.detente.engine..", "org.detente.effects..", "org.detente.bargain..",
            "org.detente.analysis..", "org.detente.report..", "org.detente.cli..")
        .check(classes);
  }
}
