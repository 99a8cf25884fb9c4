package nl.dockerles.ui;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Prints to another stream unchanged and hands every piece of text to a tap as well. Raw bytes (a
 * container's terminal) are decoded as UTF-8, a character split over two writes included.
 */
final class TappedPrintStream extends PrintStream {
    private final PrintStream target;
    private final Consumer<String> tap;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer carry = ByteBuffer.allocate(0);

    TappedPrintStream(PrintStream target, Consumer<String> tap) {
        super(OutputStream.nullOutputStream());
        this.target = target;
        this.tap = tap;
    }

    /** The stream underneath, without the tap: for what only the presenter's own screen shows. */
    PrintStream target() {
        return target;
    }

    private void tap(String text) {
        if (!text.isEmpty()) {
            tap.accept(text);
        }
    }

    @Override
    public void print(String s) {
        target.print(s);
        tap(String.valueOf(s));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(Object obj) {
        print(String.valueOf(obj));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(int i) {
        print(String.valueOf(i));
    }

    @Override
    public void print(long l) {
        print(String.valueOf(l));
    }

    @Override
    public void println() {
        target.println();
        tap("\n");
    }

    @Override
    public void println(String s) {
        target.println(s);
        tap(s + "\n");
    }

    @Override
    public void println(Object obj) {
        println(String.valueOf(obj));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }

    @Override
    public void println(char c) {
        println(String.valueOf(c));
    }

    @Override
    public void println(int i) {
        println(String.valueOf(i));
    }

    @Override
    public void println(long l) {
        println(String.valueOf(l));
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        print(String.valueOf(csq == null ? "null" : csq.subSequence(start, end)));
        return this;
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        target.write(buf, off, len);
        tap(decode(buf, off, len));
    }

    @Override
    public void write(byte[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void writeBytes(byte[] buf) {
        write(buf, 0, buf.length);
    }

    private synchronized String decode(byte[] buf, int off, int len) {
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + len);
        in.put(carry).put(buf, off, len).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        carry = in.slice();
        return out.flip().toString();
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        target.flush();
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }
}
