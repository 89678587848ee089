package io.warroom.incident;

import io.micronaut.data.exceptions.DataAccessException;
import io.warroom.ack.GroupCommit;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declaring: the incident row, stored before the ack in a shared commit; the rest is the {@link
 * DeclarationIntake}'s. {@link IncidentService#declare} is the way in.
 */
@Singleton
class Declarations {

  /**
   * How long a declaration waits for its commit. Slack shows the user an error at 3 s, and a user
   * who sees it declares again (a second incident); within this, the user is told what happened.
   * The rest of the 3 s is for the network and the request's other work.
   */
  static final Duration DECLARE_PATIENCE = Duration.ofMillis(1500);

  private static final Logger LOG = LoggerFactory.getLogger(Declarations.class);

  private final IncidentRepository incidents;
  private final IncidentSettings settings;
  private final GroupCommit groupCommit;
  private final DeclarationIntake intake;
  private final Clock clock;

  Declarations(
      IncidentRepository incidents,
      IncidentSettings settings,
      GroupCommit groupCommit,
      DeclarationIntake intake,
      Clock clock) {
    this.incidents = incidents;
    this.settings = settings;
    this.groupCommit = groupCommit;
    this.intake = intake;
    this.clock = clock;
  }

  /**
   * Declares an incident, or finds the one this request already declared (a Slack retry, a
   * double-clicked modal). Only the incident row is written before this returns, one insert in a
   * shared commit, so the ack is fast even when many are declared at once; what the declaration
   * sets in motion is recorded just after by the {@link DeclarationIntake}.
   */
  Declaration declare(DeclareRequest request) {
    String title = IncidentRules.cleanTitle(request.title());
    String affected = IncidentRules.cleanAffected(request.affected());
    Declaration declaration;
    try {
      declaration = groupCommit.write(() -> insert(request, title, affected), DECLARE_PATIENCE);
    } catch (GroupCommit.TooLate late) {
      LOG.warn("A declaration was not stored in time: {}", late.getMessage());
      throw new Refusal(
          late.maybeWritten()
              ? "Warroom's database is slow: the incident may have been declared all the same."
                  + " Check `/incident list` in a minute before you declare it again."
              : "Warroom's database did not answer in time, so nothing was declared. Declare"
                  + " again in a moment; if it keeps failing, open a channel by hand and"
                  + " coordinate there.");
    } catch (DataAccessException e) {
      // The request key is unique: this is a replay of a stored declaration, or two deliveries of
      // one request raced and the other won. Either way, answer with the stored incident.
      return incidents
          .findByRequestKey(request.requestKey())
          .map(found -> new Declaration(found, false))
          .orElseThrow(() -> e);
    }
    intake.accept(declaration.incident().id());
    return declaration;
  }

  private Declaration insert(DeclareRequest request, String title, String affected) {
    Severity severity =
        request.severity() == null ? settings.defaultSeverity() : request.severity();
    Incident saved =
        incidents.save(
            new Incident(
                null,
                request.requestKey(),
                title,
                affected,
                severity,
                Status.INVESTIGATING,
                request.privateIncident(),
                request.drill(),
                request.declaredBy(),
                request.commander(),
                null,
                null,
                null,
                clock.instant(),
                null,
                null,
                0));
    return new Declaration(saved, true);
  }
}
