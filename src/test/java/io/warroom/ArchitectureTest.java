package io.warroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape STYLE.md asks for: Slack at the edge, features without cycles. */
@AnalyzeClasses(packages = "io.warroom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheSlackPackageTalksToSlack =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.warroom.slack..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.slack.api..")
          .because("Slack stays at the edge; features talk to the chat port");

  @ArchTest
  static final ArchRule featurePackagesFormNoCycles =
      slices().matching("io.warroom.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theDomainDoesNotKnowTheAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.warroom.incident..",
              "io.warroom.timeline..",
              "io.warroom.heartbeat..",
              "io.warroom.postmortem..",
              "io.warroom.warroom..",
              "io.warroom.chat..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.warroom.slack..", "io.warroom.api..", "io.warroom.sandbox..");

  @ArchTest
  static final ArchRule theIncidentKnowsNoChatPlatform =
      noClasses()
          .that()
          .resideInAPackage("io.warroom.incident..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.warroom.chat..", "io.warroom.warroom..");
}
