package io.warroom;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.warroom.incident.IncidentEvent;
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
              "io.warroom.room..",
              "io.warroom.chat..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.warroom.slack..",
              "io.warroom.api..",
              "io.warroom.sandbox..",
              "io.warroom.fakeslack..");

  /** No package is named after the product: the room is {@code room}, not {@code warroom}. */
  @ArchTest
  static final ArchRule noPackageIsNamedAfterTheProduct =
      noClasses().should().resideInAPackage("io.warroom.warroom..");

  /**
   * Inside the room: renderings and the room row ({@code room}) know neither wording nor delivery;
   * wording ({@code room.text}) knows nothing of delivery; delivery uses both.
   */
  @ArchTest
  static final ArchRule theRoomLayersPointOneWay =
      noClasses()
          .that()
          .resideInAPackage("io.warroom.room")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.warroom.room.delivery..", "io.warroom.room.text..");

  @ArchTest
  static final ArchRule roomWordingKnowsNoDelivery =
      noClasses()
          .that()
          .resideInAPackage("io.warroom.room.text..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.warroom.room.delivery..");

  /**
   * Slack's Web API adapter serves every feature and is driven by no request: it does not know the
   * inbound side or any feature's listeners.
   */
  @ArchTest
  static final ArchRule theWebApiAdapterKnowsNoListener =
      noClasses()
          .that()
          .resideInAPackage("io.warroom.slack.webapi..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.warroom.slack.inbound..",
              "io.warroom.slack.declare..",
              "io.warroom.slack.status..",
              "io.warroom.slack.roles..",
              "io.warroom.slack.tasks..",
              "io.warroom.slack.hypothesis..",
              "io.warroom.slack.alerts..",
              "io.warroom.slack.capture..",
              "io.warroom.slack.home..",
              "io.warroom.slack.record..");

  /**
   * Each Slack feature subpackage stands on the shared root, inbound and webapi, not on another.
   */
  @ArchTest
  static final ArchRule slackFeaturesDoNotLeanOnEachOther =
      slices().matching("io.warroom.slack.(*)..").should().beFreeOfCycles();

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
          .resideInAnyPackage("io.warroom.chat..", "io.warroom.room..");

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

  /**
   * Each feature subscribes to the incident events it cares about ({@code @EventListener void
   * on(IncidentEvent.Resolved e)}) instead of asking every event what it is.
   */
  @ArchTest
  static final ArchRule featuresSubscribeToEventTypes =
      classes()
          .should(
              new ArchCondition<JavaClass>(
                  "not test which kind of incident event they were given") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  for (JavaCodeUnit unit : c.getCodeUnits()) {
                    for (InstanceofCheck check : unit.getInstanceofChecks()) {
                      if (check.getRawType().isAssignableTo(IncidentEvent.class)) {
                        events.add(
                            SimpleConditionEvent.violated(
                                c,
                                unit.getFullName()
                                    + " tests instanceof "
                                    + check.getRawType().getName()
                                    + " "
                                    + check.getSourceCodeLocation()));
                      }
                    }
                  }
                }
              });

  /**
   * Micronaut resolves a typed publisher's listeners for its type argument: one typed {@code
   * IncidentEvent} would silently miss every listener of a single event type. Incident events go
   * through {@code IncidentEvents}.
   */
  @ArchTest
  static final ArchRule incidentEventsGoThroughIncidentEvents =
      classes()
          .should(
              new ArchCondition<JavaClass>("not hold a publisher typed IncidentEvent") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  for (JavaField field : c.getFields()) {
                    if (typedForIncidentEvent(field.getType())) {
                      events.add(SimpleConditionEvent.violated(c, field.getDescription()));
                    }
                  }
                  for (JavaCodeUnit unit : c.getCodeUnits()) {
                    for (JavaParameter p : unit.getParameters()) {
                      if (typedForIncidentEvent(p.getType())) {
                        events.add(SimpleConditionEvent.violated(c, p.getDescription()));
                      }
                    }
                  }
                }
              });

  private static boolean typedForIncidentEvent(JavaType type) {
    return type instanceof JavaParameterizedType p
        && p.toErasure().isEquivalentTo(ApplicationEventPublisher.class)
        && p.getActualTypeArguments().size() == 1
        && p.getActualTypeArguments().get(0).toErasure().isEquivalentTo(IncidentEvent.class);
  }
}
