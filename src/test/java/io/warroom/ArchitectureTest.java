package io.warroom;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The shape STYLE.md asks for: Slack at the edge, features without cycles. */
@AnalyzeClasses(
    locations = ArchitectureTest.MainClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * Warroom's compiled classes, where {@code Application} is: what {@code packages = "io.warroom"}
   * finds, without searching every jar on the test class path for that package first.
   */
  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(
          Location.of(Application.class.getProtectionDomain().getCodeSource().getLocation()));
    }
  }

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
          .resideInAnyPackage(
              "io.warroom.slack..",
              "io.warroom.api..",
              "io.warroom.sandbox..",
              "io.warroom.fakeslack..");

  /**
   * The Slack simulator stands in for Slack, so it knows Warroom only as Slack does: through
   * requests, the manifest and the Web API. It could be lifted out into a module of its own.
   */
  @ArchTest
  static final ArchRule theSlackSimulatorImportsNothingOfWarroom =
      noClasses()
          .that()
          .resideInAPackage("io.warroom.fakeslack..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.warroom..")
                  .and(resideOutsideOfPackage("io.warroom.fakeslack..")))
          .because("the simulator is Slack's stand-in, not part of Warroom");

  @ArchTest
  static final ArchRule theIncidentKnowsNoChatPlatform =
      noClasses()
          .that()
          .resideInAPackage("io.warroom.incident..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.warroom.chat..", "io.warroom.warroom..");

  /**
   * Bolt's {@code SlackSignature.Verifier} compares signatures with {@code String.equals} and lets
   * a timestamp from the future through; Warroom's own check compares in constant time.
   */
  @ArchTest
  static final ArchRule slackSignaturesAreCheckedInConstantTime =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("com.slack.api.app_backend.SlackSignature$Verifier")
          .because("signatures are compared with MessageDigest.isEqual (SlackSignatureCheck)");

  @ArchTest
  static final ArchRule secretsAreComparedInConstantTime =
      classes()
          .that()
          .haveSimpleName("SlackSignatureCheck")
          .or()
          .haveSimpleName("ApiTokenFilter")
          .or()
          .haveSimpleName("IntegrationToken")
          .should()
          .callMethod(java.security.MessageDigest.class, "isEqual", byte[].class, byte[].class)
          .because("SPEC section 16: every secret comparison is constant-time");
}
