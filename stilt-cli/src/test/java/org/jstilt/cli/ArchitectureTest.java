package org.jstilt.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module graph of ARCHITECTURE.md: dependencies point down only, and {@code stilt-core} does no
 * file, process or network I/O. Lives in stilt-cli because only here are all modules on the classpath.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Test jars of other modules (stilt-core's SharedData) are test code too.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.jstilt");
  }

  @Test
  void coreDoesNoIo() {
    // java.nio.file.Path is allowed as a value (a transport request names its met files); reading or
    // writing through Files, channels, streams on files, sockets or processes is not.
    noClasses()
        .that()
        .resideInAPackage("org.jstilt.core..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.channels..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.RandomAccessFile")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.ProcessBuilder")
        .because("stilt-core holds pure domain values and algorithms (ARCHITECTURE.md)")
        .check(classes);
  }

  @Test
  void coreDependsOnNothingAbove() {
    noClasses()
        .that()
        .resideInAPackage("org.jstilt.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.jstilt.met..", "org.jstilt.io..", "org.jstilt.hysplit..", "org.jstilt.transport..",
            "org.jstilt.runtime..", "org.jstilt.cli..")
        .check(classes);
  }

  @Test
  void metAndIoDependOnlyOnCore() {
    noClasses()
        .that()
        .resideInAnyPackage("org.jstilt.met..", "org.jstilt.io..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.jstilt.hysplit..", "org.jstilt.transport..", "org.jstilt.runtime..", "org.jstilt.cli..")
        .check(classes);
    noClasses().that().resideInAPackage("org.jstilt.met..").should().dependOnClassesThat()
        .resideInAPackage("org.jstilt.io..").check(classes);
    noClasses().that().resideInAPackage("org.jstilt.io..").should().dependOnClassesThat()
        .resideInAPackage("org.jstilt.met..").check(classes);
  }

  @Test
  void enginesDoNotSeeEachOtherOrTheRuntime() {
    noClasses()
        .that()
        .resideInAPackage("org.jstilt.hysplit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jstilt.transport..", "org.jstilt.io..", "org.jstilt.runtime..", "org.jstilt.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.jstilt.transport..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jstilt.hysplit..", "org.jstilt.io..", "org.jstilt.runtime..", "org.jstilt.cli..")
        .check(classes);
  }

  @Test
  void runtimeDoesNotSeeTheCli() {
    noClasses()
        .that()
        .resideInAPackage("org.jstilt.runtime..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jstilt.cli..")
        .check(classes);
  }
}
