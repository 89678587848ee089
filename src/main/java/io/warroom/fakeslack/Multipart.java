package io.warroom.fakeslack;

import java.nio.charset.StandardCharsets;

/** Just enough multipart/form-data parsing to take the first part's bytes out of an upload. */
final class Multipart {

  private Multipart() {}

  static byte[] firstPart(byte[] body, String contentType) {
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return body;
    }
    String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "").trim();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, delimiter, 0);
    if (start < 0) {
      return body;
    }
    byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int contentStart = indexOf(body, headerEnd, start);
    if (contentStart < 0) {
      return body;
    }
    contentStart += headerEnd.length;
    int end =
        indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), contentStart);
    if (end < 0) {
      end = body.length;
    }
    byte[] part = new byte[end - contentStart];
    System.arraycopy(body, contentStart, part, 0, part.length);
    return part;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
