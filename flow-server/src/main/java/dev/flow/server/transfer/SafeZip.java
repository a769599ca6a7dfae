package dev.flow.server.transfer;

import dev.flow.server.api.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded zip into memory, refusing it whole when it is broken or hostile: not a zip, a
 * path that escapes (absolute, {@code ..}, backslashes), a duplicate entry, too many entries, an
 * entry or a total over the limits (counted on the bytes really inflated, not on the headers), or a
 * compression ratio of a zip bomb.
 */
public final class SafeZip {

  /** The limits of an import. */
  public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {
    public static Limits defaults() {
      return new Limits(50_000, 10L << 20, 200L << 20, 100);
    }
  }

  private SafeZip() {}

  /** The files of the zip, by path; 400 when it cannot be read safely. */
  public static Map<String, byte[]> read(byte[] zip, Limits limits) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        String name = e.getName();
        check(name);
        if (files.size() >= limits.maxEntries()) {
          throw refuse("the zip has more than " + limits.maxEntries() + " entries");
        }
        if (e.isDirectory()) {
          continue;
        }
        if (files.containsKey(name)) {
          throw refuse("the zip holds '" + name + "' twice");
        }
        byte[] data = readBounded(in, limits.maxEntryBytes(), name);
        total += data.length;
        if (total > limits.maxTotalBytes()) {
          throw refuse("the zip inflates to more than " + limits.maxTotalBytes() + " bytes");
        }
        if (total > 1 << 20 && total > (long) limits.maxRatio() * zip.length) {
          throw refuse(
              "the zip inflates more than "
                  + limits.maxRatio()
                  + " times its size, like a zip bomb");
        }
        files.put(name, data);
      }
    } catch (IOException | IllegalArgumentException ex) {
      throw refuse("the body is not a readable zip: " + ex.getMessage());
    }
    if (files.isEmpty()) {
      throw refuse("the body is not a zip, or an empty one");
    }
    return files;
  }

  private static byte[] readBounded(InputStream in, long max, String name) throws IOException {
    byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (data.length > max) {
      throw refuse("zip entry '" + name + "' is larger than " + max + " bytes");
    }
    return data;
  }

  /** Refuses a path that could land outside the folder it is unpacked into. */
  static void check(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.indexOf('\0') >= 0
        || (name.length() > 1 && name.charAt(1) == ':')) {
      throw refuse("zip entry '" + printable(name) + "' has an unsafe path");
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw refuse("zip entry '" + printable(name) + "' leaves the zip's folder");
      }
    }
  }

  private static String printable(String s) {
    return s.replaceAll("[\\p{Cntrl}]", "?");
  }

  static ApiException refuse(String detail) {
    return new ApiException(
        400, "bad-zip", "The zip was refused", detail + "; nothing was imported", null);
  }
}
