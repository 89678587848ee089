package io.warroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.warroom.insights.Insights;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /api/insights?from=2026-07&to=2026-12}: the insights figures as JSON (SPEC section 14;
 * definitions in docs/insights.md). Both months are optional: by default this month and the five
 * before it.
 */
@Controller("/api/insights")
@ExecuteOn(TaskExecutors.BLOCKING)
class InsightsController {

  private final Insights insights;

  InsightsController(Insights insights) {
    this.insights = insights;
  }

  @Get
  HttpResponse<?> insights(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    YearMonth last;
    YearMonth first;
    try {
      last = to == null || to.isBlank() ? insights.thisMonth() : YearMonth.parse(to.strip());
      first =
          from == null || from.isBlank()
              ? last.minusMonths(Insights.DEFAULT_MONTHS - 1L)
              : YearMonth.parse(from.strip());
    } catch (DateTimeParseException e) {
      return HttpResponse.badRequest(Map.of("error", "from and to are months: yyyy-MM"));
    }
    if (first.isAfter(last)) {
      return HttpResponse.badRequest(Map.of("error", "from must not be after to"));
    }
    if (first.plusMonths(Insights.MAX_MONTHS).isBefore(last.plusMonths(1))) {
      return HttpResponse.badRequest(
          Map.of("error", "at most " + Insights.MAX_MONTHS + " months at a time"));
    }
    return HttpResponse.ok(insights.report(first, last));
  }
}
