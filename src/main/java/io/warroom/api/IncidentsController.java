package io.warroom.api;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.postmortem.Postmortems;
import io.warroom.room.WarRooms;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import io.warroom.triage.Detections;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/incidents}: incidents and their timelines, for tools and reports (SPEC section 8).
 */
@Controller("/api/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
class IncidentsController {

  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;
  static final int MAX_CSV_PAGE = 50_000;
  static final MediaType CSV = MediaType.of("text/csv");
  static final MediaType MARKDOWN = MediaType.of("text/markdown; charset=utf-8");

  private final IncidentService incidents;
  private final WarRooms rooms;
  private final Timeline timeline;
  private final Postmortems postmortems;
  private final CsvMapper csv;
  private final Detections detections;

  IncidentsController(
      IncidentService incidents,
      WarRooms rooms,
      Timeline timeline,
      Postmortems postmortems,
      Detections detections) {
    this.postmortems = postmortems;
    this.detections = detections;
    this.incidents = incidents;
    this.rooms = rooms;
    this.timeline = timeline;
    this.csv = new CsvMapper();
    csv.registerModule(new JavaTimeModule());
    csv.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * Newest first, a page at a time: {@code ?limit=100} (at most 1,000) and, for the next page, the
   * {@code Link} header's {@code before} cursor. {@code ?status=open} for open ones, {@code
   * resolved} for closed ones.
   */
  @Get
  HttpResponse<?> list(
      @QueryValue @Nullable String status,
      @QueryValue @Nullable Integer limit,
      @QueryValue @Nullable Long before) {
    Boolean open;
    if (status == null || status.isBlank() || status.equalsIgnoreCase("all")) {
      open = null;
    } else if (status.equalsIgnoreCase("open")) {
      open = true;
    } else if (status.equalsIgnoreCase("resolved")) {
      open = false;
    } else {
      return HttpResponse.badRequest(Map.of("error", "status must be open, resolved or all"));
    }
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      return HttpResponse.badRequest(Map.of("error", "limit must be between 1 and " + MAX_PAGE));
    }
    List<Incident> found = incidents.page(open, before == null ? Long.MAX_VALUE : before, size + 1);
    MutableHttpResponse<?> out =
        HttpResponse.ok(found.stream().limit(size).map(this::view).toList());
    if (found.size() > size) {
      out.header(
          "Link",
          "</api/incidents?"
              + (status == null ? "" : "status=" + open(open) + "&")
              + "limit="
              + size
              + "&before="
              + found.get(size - 1).id()
              + ">; rel=\"next\"");
    }
    return out;
  }

  private static String open(Boolean open) {
    return open == null ? "all" : open ? "open" : "resolved";
  }

  @Get("/{id}")
  HttpResponse<?> one(@PathVariable long id) {
    return incidents
        .find(id)
        .<HttpResponse<?>>map(i -> HttpResponse.ok(view(i)))
        .orElseGet(IncidentsController::notFound);
  }

  /**
   * The timeline in order, a page at a time: {@code ?after=<entry id>&limit=100}. With {@code
   * Accept: text/csv} the same page (up to 50,000 entries, 10,000 by default) as CSV, with the next
   * page in a {@code Link} header.
   */
  @Get(
      value = "/{id}/timeline",
      produces = {MediaType.APPLICATION_JSON, "text/csv"})
  HttpResponse<?> timeline(
      HttpRequest<?> request,
      @PathVariable long id,
      @QueryValue @Nullable Long after,
      @QueryValue @Nullable Integer limit) {
    if (incidents.find(id).isEmpty()) {
      return notFound();
    }
    boolean asCsv =
        request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals("text/csv"));
    int max = asCsv ? MAX_CSV_PAGE : MAX_PAGE;
    int size = limit == null ? (asCsv ? 10_000 : DEFAULT_PAGE) : limit;
    if (size < 1 || size > max) {
      return HttpResponse.badRequest(Map.of("error", "limit must be between 1 and " + max));
    }
    long from = after == null ? 0 : after;
    if (asCsv) {
      List<Long> ids = timeline.pageIds(id, from, size + 1);
      Long next = ids.size() > size ? ids.get(size - 1) : null;
      List<Long> page = ids.subList(0, Math.min(size, ids.size()));
      CsvSchema schema = csv.schemaFor(EntryView.class);
      MutableHttpResponse<StreamedFile> out =
          HttpResponse.ok(
              new StreamedFile(
                  new CsvTimeline(
                      timeline,
                      page,
                      csv.writer(schema.withHeader()),
                      csv.writer(schema.withoutHeader())),
                  CSV));
      if (next != null) {
        out.header(
            "Link",
            "</api/incidents/"
                + id
                + "/timeline?after="
                + next
                + "&limit="
                + size
                + ">; rel=\"next\"");
      }
      return out.contentType(CSV);
    }
    List<TimelineEntry> page = timeline.page(id, from, size + 1);
    Long next = page.size() > size ? page.get(size - 1).id() : null;
    List<EntryView> entries = page.stream().limit(size).map(EntryView::of).toList();
    return HttpResponse.ok(new TimelinePage(id, timeline.count(id), entries, next))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** The postmortem draft, generated from what is stored now. */
  @Get(value = "/{id}/postmortem", produces = "text/markdown")
  HttpResponse<?> postmortem(@PathVariable long id) {
    return postmortems
        .draft(id)
        .<HttpResponse<?>>map(md -> HttpResponse.ok(md).contentType(MARKDOWN))
        .orElseGet(IncidentsController::notFound);
  }

  private IncidentView view(Incident incident) {
    return IncidentView.of(
        incident,
        rooms.channelOf(incident.id()).orElse(null),
        rooms.channelNameOf(incident.id()).orElse(null),
        detections.of(incident).detectedAt());
  }

  private static HttpResponse<?> notFound() {
    return HttpResponse.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such incident"));
  }
}
