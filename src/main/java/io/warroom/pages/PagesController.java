package io.warroom.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.insights.Insights;
import io.warroom.insights.Report;
import io.warroom.insights.Row;
import io.warroom.postmortem.Postmortems;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /incidents/{id}} and {@code GET /insights}: read-only pages behind signed links (see
 * {@link PageLinks}). Without a valid link the answer is 403; a private incident, like a missing
 * one, has no page (404). The pages carry no script and forbid scripts by their CSP.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PagesController {

  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'none'";

  private final PageLinks links;
  private final ThymeleafViewsRenderer<Map<String, Object>> views;
  private final IncidentService incidents;
  private final Timeline timeline;
  private final Hypotheses hypotheses;
  private final ActionItemService actionItems;
  private final Postmortems postmortems;
  private final Insights insights;

  PagesController(
      PageLinks links,
      ThymeleafViewsRenderer<Map<String, Object>> views,
      IncidentService incidents,
      Timeline timeline,
      Hypotheses hypotheses,
      ActionItemService actionItems,
      Postmortems postmortems,
      Insights insights) {
    this.links = links;
    this.views = views;
    this.incidents = incidents;
    this.timeline = timeline;
    this.hypotheses = hypotheses;
    this.actionItems = actionItems;
    this.postmortems = postmortems;
    this.insights = insights;
  }

  @Get(value = "/incidents/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> incident(
      HttpRequest<?> request,
      @PathVariable String id,
      @QueryValue @Nullable String exp,
      @QueryValue @Nullable String sig) {
    if (!links.valid("/incidents/" + id, exp, sig)) {
      return refused();
    }
    Incident incident =
        id.matches("[0-9]{1,18}")
            ? incidents.find(Long.parseLong(id)).filter(i -> !i.privateIncident()).orElse(null)
            : null;
    if (incident == null) {
      return secured(HttpResponse.status(HttpStatus.NOT_FOUND).body("No such incident page."))
          .contentType(MediaType.TEXT_PLAIN_TYPE);
    }
    long incidentId = incident.id();
    Map<String, Object> model = new HashMap<>();
    model.put("title", PageView.text(incident.title()));
    model.put("id", incidentId);
    model.put("severity", incident.severity().label());
    model.put("status", incident.status().label());
    model.put("drill", incident.drill());
    model.put("affected", PageView.text(incident.affected()));
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Declared", PageView.time(incident.declaredAt())});
    if (incident.mitigatedAt() != null) {
      facts.add(new String[] {"Mitigated", PageView.time(incident.mitigatedAt())});
    }
    if (incident.resolvedAt() != null) {
      facts.add(new String[] {"Resolved", PageView.time(incident.resolvedAt())});
    }
    for (io.warroom.incident.Role role : io.warroom.incident.Role.values()) {
      incident
          .holder(role)
          .ifPresent(
              u ->
                  facts.add(
                      new String[] {
                        role.name().charAt(0)
                            + role.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                        "@" + u
                      }));
    }
    model.put("facts", facts);
    List<TimelineEntry> of =
        timeline.entries(incidentId, Set.of(EntryKind.STATUS_UPDATE, EntryKind.DECISION));
    model.put(
        "updates", lines(of.stream().filter(e -> e.kind() == EntryKind.STATUS_UPDATE).toList()));
    model.put("decisions", lines(of.stream().filter(e -> e.kind() == EntryKind.DECISION).toList()));
    model.put("keyEvents", lines(timeline.keyEvents(incidentId)));
    model.put(
        "hypotheses",
        hypotheses.all(incidentId).stream()
            .map(
                h ->
                    new String[] {
                      h.name(), h.state().label(), PageView.text(h.text()), PageView.text(h.note())
                    })
            .toList());
    model.put(
        "actionItems",
        actionItems.list(incidentId).stream()
            .map(
                a ->
                    new String[] {
                      PageView.text(a.text()),
                      a.owner() == null ? "" : "@" + a.owner(),
                      a.status().label()
                    })
            .toList());
    model.put("postmortem", PageView.text(postmortems.draft(incidentId).orElse("")));
    return page("incident", model, request);
  }

  @Get(value = "/insights", produces = MediaType.TEXT_HTML)
  HttpResponse<?> insights(
      HttpRequest<?> request, @QueryValue @Nullable String exp, @QueryValue @Nullable String sig) {
    if (!links.valid("/insights", exp, sig)) {
      return refused();
    }
    YearMonth to = insights.thisMonth();
    Report report = insights.report(to.minusMonths(Insights.DEFAULT_MONTHS - 1L), to);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> months = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    List<Long> medians = new ArrayList<>();
    for (YearMonth m = YearMonth.parse(report.from()); !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m.toString());
      counts.add(0L);
      medians.add(0L);
    }
    for (Row r : report.rows()) {
      Map<String, Object> row = new HashMap<>();
      row.put("month", r.month());
      row.put("severity", r.severity());
      row.put("total", r.severity().equals("all"));
      row.put("incidents", r.incidents());
      row.put("declare", figure(r.toDeclare()));
      row.put("mitigate", figure(r.toMitigate()));
      row.put("resolve", figure(r.toResolve()));
      row.put(
          "updates",
          r.updates().beforeReminder()
              + " of "
              + r.updates().sent()
              + " ("
              + r.updates().incidents()
              + ")");
      row.put(
          "actions",
          r.actionItems().created()
              + " / "
              + r.actionItems().done()
              + " / "
              + r.actionItems().overdue()
              + " ("
              + r.actionItems().incidents()
              + ")");
      rows.add(row);
      int at = months.indexOf(r.month());
      if (r.severity().equals("all") && at >= 0) {
        counts.set(at, (long) r.incidents());
        medians.set(at, r.toResolve().medianSeconds() == null ? 0 : r.toResolve().medianSeconds());
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("from", report.from());
    model.put("to", report.to());
    model.put("computedAt", PageView.time(report.computedAt()));
    model.put("rows", rows);
    model.put(
        "noise",
        report.noise().stream()
            .map(
                n ->
                    new String[] {
                      n.month(), PageView.text(n.alertName()), Integer.toString(n.groups())
                    })
            .toList());
    model.put(
        "charts",
        List.of(
            Chart.of(
                "Incidents per month",
                months,
                counts,
                counts.stream().map(String::valueOf).toList()),
            Chart.of(
                "Median time to resolve",
                months,
                medians,
                medians.stream().map(s -> s == 0 ? "–" : PageView.duration(s)).toList())));
    return page("insights", model, request);
  }

  private static String figure(io.warroom.insights.Figure f) {
    return f.incidents() == 0
        ? "–"
        : PageView.duration(f.medianSeconds())
            + " / "
            + PageView.duration(f.p90Seconds())
            + " ("
            + f.incidents()
            + ")";
  }

  private static List<String[]> lines(List<TimelineEntry> entries) {
    return entries.stream()
        .map(e -> new String[] {PageView.time(e.at()), PageView.plain(e.text())})
        .toList();
  }

  private HttpResponse<?> page(String view, Map<String, Object> model, HttpRequest<?> request) {
    Writable writable = views.render(view, model, request);
    StringWriter out = new StringWriter();
    try {
      writable.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return secured(HttpResponse.ok(out.toString()))
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }

  private static MutableHttpResponse<?> refused() {
    return secured(
            HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(
                    "This page needs a valid link: ask for a new one in Slack (/incident share)."))
        .contentType(MediaType.TEXT_PLAIN_TYPE);
  }

  private static <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> response) {
    return response
        .header("Content-Security-Policy", CSP)
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .header("X-Robots-Tag", "noindex");
  }
}
