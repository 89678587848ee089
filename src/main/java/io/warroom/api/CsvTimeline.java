package io.warroom.api;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.warroom.timeline.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A timeline page as CSV, produced as it is read: a few hundred entries are fetched and written at
 * a time, so an export of 50,000 long messages never sits in memory as one string.
 */
final class CsvTimeline extends InputStream {

  static final int CHUNK = 500;

  private final Timeline timeline;
  private final List<Long> ids;
  private final ObjectWriter withHeader;
  private final ObjectWriter withoutHeader;
  private int next;
  private byte[] buffer = new byte[0];
  private int position;

  CsvTimeline(
      Timeline timeline, List<Long> ids, ObjectWriter withHeader, ObjectWriter withoutHeader) {
    this.timeline = timeline;
    this.ids = ids;
    this.withHeader = withHeader;
    this.withoutHeader = withoutHeader;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, buffer.length - position);
    System.arraycopy(buffer, position, b, off, n);
    position += n;
    return n;
  }

  /** True when there are bytes to read, fetching and writing the next chunk if needed. */
  private boolean fill() throws IOException {
    while (position >= buffer.length) {
      boolean first = next == 0;
      if (!first && next >= ids.size()) {
        return false;
      }
      List<Long> chunk = ids.subList(next, Math.min(ids.size(), next + CHUNK));
      next += Math.max(1, chunk.size());
      List<EntryView> views =
          timeline.entries(chunk).stream().map(EntryView::of).map(EntryView::forCsv).toList();
      buffer = (first ? withHeader : withoutHeader).writeValueAsBytes(views);
      position = 0;
    }
    return true;
  }
}
