package org.detente.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.Set;
import org.detente.engine.CompiledModel;
import java.util.TreeSet;
import java.util.stream.Collectors;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the shipped classes (docs/architecture.md): no cycle between packages, and
 * an engine that knows neither the command line, the analysis, the report, the effects model, the
 * negotiation model nor any I/O; and a compiled model that cannot be changed after compilation.
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
            "org.detente.store..", "org.duckdb..", "java.sql..", "org.detente.web..",
            "io.javalin..", "org.eclipse.jetty..", "picocli..")
        .check(classes);
  }

  @Test
  void theResultsStoreKnowsTheEngineButNoCommandLineReportOrAnalysis() {
    noClasses().that().resideInAPackage("org.detente.store..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.detente.cli..", "org.detente.report..", "org.detente.analysis..",
            "org.detente.backtest..", "org.detente.events..", "picocli..")
        .check(classes);
  }

  @Test
  void onlyTheWebApplicationKnowsTheWebServer() {
    noClasses().that().resideOutsideOfPackage("org.detente.web..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..",
            "org.eclipse.jetty..")
        .check(classes);
    noClasses().that().resideInAPackage("org.detente.web..")
        .should().dependOnClassesThat().resideInAnyPackage("org.detente.cli..", "picocli..")
        .because("the web application runs commands through its Backend, given by serve")
        .check(classes);
  }

  @Test
  void onlyTheResultsStoreTalksToTheDatabase() {
    noClasses().that().resideOutsideOfPackage("org.detente.store..")
        .should().dependOnClassesThat().resideInAnyPackage("org.duckdb..", "java.sql..")
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

  private static final String MODEL = CompiledModel.class.getName();

  /**
   * The parts of the compiled model: the engine classes of CompiledModel's fields (found from its
   * fields, so that a new part is covered without being listed here).
   */
  private static Set<JavaClass> parts() {
    return classes.get(MODEL).getFields().stream()
        .map(JavaField::getRawType)
        .filter(t -> t.getPackageName().equals("org.detente.engine") && !t.isPrimitive())
        .collect(Collectors.toSet());
  }

  private static DescribedPredicate<JavaClass> partOfTheModel() {
    Set<JavaClass> parts = parts();
    return DescribedPredicate.describe("are a part of the compiled model " + names(parts),
        parts::contains);
  }

  private static Set<String> names(Set<JavaClass> cs) {
    return cs.stream().map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
  }

  private static final DescribedPredicate<JavaClass> ARRAY =
      DescribedPredicate.describe("an array", JavaClass::isArray);

  @Test
  void theModelsPartsAreFoundFromItsFields() {
    assertThat(names(parts())).contains("Actors", "CasualtyTable", "EventSchedule",
        "ModelConstants", "ModelParameters", "MotiveTables", "QuestionSet", "Relations",
        "TerritorialIssues", "TheaterGraph", "TypeSpace");
  }

  @Test
  void theModelsPartsKeepTheirFieldsPrivateAndFinal() {
    fields().that().areDeclaredInClassesThat(partOfTheModel())
        .should().bePrivate().andShould().beFinal()
        .because("the compiled model is shared by every run and thread and read only after"
            + " compilation; a part is read through its accessors")
        .check(classes);
  }

  @Test
  void theModelKeepsItsArraysPrivate() {
    fields().that().areDeclaredIn(CompiledModel.class)
        .should().beFinal()
        .check(classes);
    fields().that().areDeclaredIn(CompiledModel.class).and().haveRawType(ARRAY)
        .should().bePrivate()
        .check(classes);
  }

  @Test
  void noPartHandsOutAnArray() {
    methods().that().areDeclaredInClassesThat(partOfTheModel())
        .and().doNotHaveModifier(JavaModifier.PRIVATE)
        .should().notHaveRawReturnType(ARRAY)
        .because("an array returned by a part could be written by its caller; a part copies"
            + " into the caller's array instead (copy...Into)")
        .check(classes);
  }

  @Test
  void noClassReachesAnotherClassesPartFields() {
    DescribedPredicate<JavaClass> part = partOfTheModel();
    noClasses().should().accessFieldWhere(DescribedPredicate.describe(
            "the field is a part's and the access is from another class",
            (JavaFieldAccess access) -> part.test(access.getTargetOwner())
                && !access.getOriginOwner().equals(access.getTargetOwner())))
        .check(classes);
  }
}
