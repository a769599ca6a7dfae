package dev.flow.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes a {@link LazyObject} as JSON bytes: untouched fields are copied verbatim from the bytes
 * the object came from, and only changed values go through a Jackson generator. One writer, with
 * its buffer and generator, is kept per thread.
 */
final class PayloadWriter {
  private static final ThreadLocal<PayloadWriter> LOCAL =
      ThreadLocal.withInitial(PayloadWriter::new);

  private static final int MAX_KEPT_BUFFER = 1 << 20;

  private final Sink sink = new Sink();
  private final JsonGenerator gen;
  private boolean busy;

  private PayloadWriter() {
    try {
      gen = Json.MAPPER.getFactory().createGenerator(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.setRootValueSeparator(null);
  }

  /** The bytes of {@code o}. */
  static byte[] write(LazyObject o) {
    PayloadWriter w = LOCAL.get();
    if (w.busy) {
      w = new PayloadWriter();
    }
    w.busy = true;
    boolean ok = false;
    try {
      w.sink.len = 0;
      w.object(o);
      ok = true;
      return Arrays.copyOf(w.sink.buf, w.sink.len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (w.sink.buf.length > MAX_KEPT_BUFFER) {
        w.sink.buf = new byte[1024]; // do not keep one huge record's buffer for the thread's life
      }
      w.busy = false;
      if (!ok) {
        LOCAL.remove(); // the generator may hold half a value
      }
    }
  }

  private void object(LazyObject o) throws IOException {
    if (!o.isDirty()) {
      sink.write(o.buf, o.start, o.end - o.start);
      return;
    }
    byte[] buf = o.buf;
    ObjectIndex ix = o.idx();
    Object[] over = o.over;
    sink.write('{');
    boolean first = true;
    // Untouched fields are copied name and value as one span, and consecutive ones that only a
    // comma parts in the input as one span too, so the output is the same as field by field.
    int runStart = -1;
    int runEnd = -1;
    for (int k = 0; k < ix.size(); k++) {
      Object v = over == null ? null : over[k];
      if (v == LazyObject.REMOVED) {
        continue;
      }
      int ns = ix.nameStart(k);
      if (v == null || o.isCleanView(v, k)) {
        if (!ix.repeated) {
          if (runStart >= 0 && ns == runEnd + 1 && buf[runEnd] == ',') {
            runEnd = ix.valueEnd(k);
            continue;
          }
          if (runStart >= 0) {
            sink.write(buf, runStart, runEnd - runStart);
          }
          if (!first) {
            sink.write(',');
          }
          first = false;
          runStart = ns;
          runEnd = ix.valueEnd(k);
          continue;
        }
        v = null;
      }
      if (runStart >= 0) {
        sink.write(buf, runStart, runEnd - runStart);
        runStart = -1;
      }
      if (!first) {
        sink.write(',');
      }
      first = false;
      sink.write(buf, ns, ix.nameEnd(k) - ns);
      sink.write(':');
      if (v == null) {
        sink.write(buf, ix.valueStart(k), ix.valueEnd(k) - ix.valueStart(k));
      } else {
        value(v);
      }
    }
    if (runStart >= 0) {
      sink.write(buf, runStart, runEnd - runStart);
    }
    for (int x = 0; x < o.extra; x++) {
      if (!first) {
        sink.write(',');
      }
      first = false;
      name(o.names[x]);
      sink.write(':');
      value(o.vals[x]);
    }
    sink.write('}');
  }

  private void value(Object v) throws IOException {
    if (v instanceof LazyObject c) {
      object(c);
    } else if (v instanceof LazyObject.RawSlice r) {
      sink.write(r.buf(), r.start(), r.end() - r.start());
    } else {
      node((JsonNode) v);
    }
  }

  private void node(JsonNode n) throws IOException {
    if (n instanceof TextNode) {
      gen.writeString(n.textValue());
    } else if (n instanceof IntNode) {
      gen.writeNumber(n.intValue());
    } else if (n instanceof LongNode) {
      gen.writeNumber(n.longValue());
    } else if (n instanceof DoubleNode) {
      gen.writeNumber(n.doubleValue());
    } else if (n instanceof BooleanNode) {
      gen.writeBoolean(n.booleanValue());
    } else if (n instanceof NullNode) {
      gen.writeNull();
    } else {
      Json.MAPPER.writeTree(gen, n);
    }
    gen.flush();
  }

  private void name(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        gen.writeString(s); // needs escaping or encoding: let the generator do it
        gen.flush();
        return;
      }
    }
    sink.write('"');
    sink.writeAscii(s);
    sink.write('"');
  }

  /** A growable byte buffer the generator writes into. */
  private static final class Sink extends OutputStream {
    byte[] buf = new byte[1024];
    int len;

    private void ensure(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) {
      ensure(n);
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    void writeAscii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[len++] = (byte) s.charAt(i);
      }
    }
  }
}
