package io.warroom.health;

import java.util.Optional;

/**
 * One condition for {@code GET /health/ready}. Every bean implementing it is asked, in order, on
 * each probe; the first problem is the 503's reason. A check must answer quickly (the probe answers
 * within about a second) and its reason is one line that names no secret.
 */
public interface ReadinessCheck {

  /** Empty when ready; otherwise why not, e.g. "database did not answer within 1 s". */
  Optional<String> problem();
}
