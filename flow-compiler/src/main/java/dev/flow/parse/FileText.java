package dev.flow.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files Flow is given (flows, parameter sets, test files, schemas, manifests, zips)
 * within a size limit: only regular files are opened, so a named pipe or a device never blocks or
 * fills memory, and every failure says why in words.
 */
public final class FileText {

  /** Why a file could not be read; the message says why, without the file's name. */
  public static final class ReadException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    ReadException(String why) {
      this(why, 0, 0);
    }

    ReadException(String why, int line, int column) {
      super(why);
      this.line = line;
      this.column = column;
    }

    /** The 1-based line of the bad byte, or 0 when the failure has no position. */
    public int line() {
      return line;
    }

    /** The 1-based column (in characters) of the bad byte, or 0. */
    public int column() {
      return column;
    }
  }

  private FileText() {}

  /**
   * The bytes of {@code file}, at most {@code maxBytes} of them. A file that grows past the limit
   * while it is read is refused with the bytes read so far, plus one.
   */
  public static byte[] readBytes(Path file, long maxBytes) throws ReadException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new ReadException("the file does not exist");
    } catch (AccessDeniedException e) {
      throw new ReadException("permission denied");
    } catch (IOException e) {
      throw new ReadException(why(e));
    }
    if (a.isDirectory()) {
      throw new ReadException("it is a directory, not a file");
    }
    if (!a.isRegularFile()) {
      throw new ReadException(
          "not a regular file (a named pipe, a device or a socket), so it is not read");
    }
    if (a.size() > maxBytes) {
      throw tooLarge(a.size(), maxBytes);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(bytes.length, maxBytes);
      }
      return bytes;
    } catch (ReadException e) {
      throw e;
    } catch (AccessDeniedException e) {
      throw new ReadException("permission denied");
    } catch (IOException e) {
      throw new ReadException(why(e));
    }
  }

  /** The text of {@code file} as UTF-8; a bad byte is reported with its line, column and offset. */
  public static String readUtf8(Path file, long maxBytes) throws ReadException {
    return decode(readBytes(file, maxBytes));
  }

  /** {@code bytes} as UTF-8; a bad byte is reported with its line, column and byte offset. */
  public static String decode(byte[] bytes) throws ReadException {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column =
          new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new ReadException(
          String.format(
              "the file is not UTF-8 text: byte 0x%02X (byte offset %d) at line %d, column %d;"
                  + " save it as UTF-8",
              bytes[offset] & 0xff, offset, line, column),
          line,
          column);
    }
    d.flush(out);
    out.flip();
    return out.toString();
  }

  private static ReadException tooLarge(long size, long max) {
    return new ReadException("the file is " + size + " bytes; the limit is " + max + " bytes");
  }

  private static String why(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
