package dev.flightdeck.core.terminal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import java.io.IOException;

/**
 * A pseudo-terminal pair from libc, through JNA: the master stays in the server, read and written
 * here; the slave is a device path ({@code /dev/pts/N}) the child opens as its standard streams.
 * Only libc calls that never fork are used ({@code posix_openpt}, {@code grantpt}, {@code unlockpt},
 * {@code ptsname_r}, {@code ioctl}, {@code poll}, {@code read}, {@code write}, {@code close}), because
 * a JVM cannot fork safely; the child is started by {@link ProcessBuilder} (see {@link TerminalProcess}).
 * Linux only ({@code TIOCSWINSZ} is Linux's number).
 */
public final class Pty implements AutoCloseable {
    private static final int O_RDWR = 0x2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_CLOEXEC = 0x80000;
    private static final long TIOCSWINSZ = 0x5414;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 0x800;
    /** How long typing may wait for a program that is not reading its input. */
    static final int WRITE_WAIT_MS = 2000;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    /** The few libc functions used. */
    public interface Libc extends Library {
        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        int ptsname_r(int fd, byte[] buf, NativeLong size);

        /** {@code struct winsize} is four unsigned shorts: rows, columns, and two pixel sizes. */
        int ioctl(int fd, NativeLong request, short[] winsize);

        int poll(PollFd fds, int count, int timeoutMs);

        NativeLong read(int fd, byte[] buf, NativeLong count);

        NativeLong write(int fd, byte[] buf, NativeLong count);

        int close(int fd);

        int fcntl(int fd, int cmd, int arg);
    }

    @Structure.FieldOrder({"fd", "events", "revents"})
    public static class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    private static volatile Libc libc;

    private final int master;
    private final String slavePath;
    private final Object writeLock = new Object();
    private volatile boolean closed;

    private Pty(int master, String slavePath) {
        this.master = master;
        this.slavePath = slavePath;
    }

    private static Libc libc() {
        Libc l = libc;
        if (l == null) {
            synchronized (Pty.class) {
                if (libc == null) {
                    libc = Native.load("c", Libc.class);
                }
                l = libc;
            }
        }
        return l;
    }

    /** Opens a pair with the given window size. */
    public static Pty open(int cols, int rows) throws IOException {
        Libc c;
        try {
            c = libc();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IOException("libc could not be loaded through JNA: " + e.getMessage(), e);
        }
        // O_NOCTTY: the server must never take the terminal as its own controlling terminal.
        int fd = c.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("posix_openpt failed, errno " + Native.getLastError());
        }
        byte[] name = new byte[128];
        if (c.grantpt(fd) != 0 || c.unlockpt(fd) != 0 || c.ptsname_r(fd, name, new NativeLong(name.length)) != 0) {
            int errno = Native.getLastError();
            c.close(fd);
            throw new IOException("could not unlock the pseudo-terminal, errno " + errno);
        }
        // Non-blocking: a program that stops reading its input must not hold the thread that types.
        int flags = c.fcntl(fd, F_GETFL, 0);
        if (flags < 0 || c.fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
            int errno = Native.getLastError();
            c.close(fd);
            throw new IOException("could not make the pseudo-terminal non-blocking, errno " + errno);
        }
        Pty pty = new Pty(fd, Native.toString(name));
        pty.resize(cols, rows);
        return pty;
    }

    public String slavePath() {
        return slavePath;
    }

    /** Sets the window size; the kernel signals SIGWINCH to the terminal's foreground group. */
    public void resize(int cols, int rows) throws IOException {
        if (libc().ioctl(master, new NativeLong(TIOCSWINSZ), new short[]{(short) rows, (short) cols, 0, 0}) != 0) {
            throw new IOException("TIOCSWINSZ failed, errno " + Native.getLastError());
        }
    }

    /**
     * Reads what the program wrote, waiting at most {@code timeoutMs}.
     *
     * @return bytes read; 0 when nothing came in time; -1 once every slave is closed (the program and
     * all it started are gone)
     */
    public int read(byte[] buf, int timeoutMs) {
        if (closed) {
            return -1;
        }
        PollFd p = new PollFd();
        p.fd = master;
        p.events = POLLIN;
        int ready = libc().poll(p, 1, timeoutMs);
        if (ready == 0) {
            return 0;
        }
        if (ready < 0) {
            return Native.getLastError() == EINTR ? 0 : -1;
        }
        long n = libc().read(master, buf, new NativeLong(buf.length)).longValue();
        if (n > 0) {
            return (int) n;
        }
        int errno = n < 0 ? Native.getLastError() : 0;
        // Linux answers EIO on the master once no slave is open: that is the end of the terminal.
        return n < 0 && (errno == EINTR || errno == EAGAIN) ? 0 : -1;
    }

    /** Thrown when the program has not taken its input for {@link #WRITE_WAIT_MS}. */
    public static final class InputBlocked extends IOException {
        public InputBlocked(int written) {
            super("the program has not read its input for " + WRITE_WAIT_MS + " ms; " + written
                    + " bytes were typed, the rest was not");
        }
    }

    /** Writes all of {@code data} to the program's input, waiting at most {@link #WRITE_WAIT_MS} for room. */
    public void write(byte[] data) throws IOException {
        synchronized (writeLock) {
            int off = 0;
            long deadline = System.currentTimeMillis() + WRITE_WAIT_MS;
            while (off < data.length) {
                if (closed) {
                    throw new IOException("the terminal is closed");
                }
                byte[] chunk = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, data.length);
                long n = libc().write(master, chunk, new NativeLong(chunk.length)).longValue();
                if (n < 0) {
                    int errno = Native.getLastError();
                    if (errno == EINTR) {
                        continue;
                    }
                    if (errno == EAGAIN) {
                        long left = deadline - System.currentTimeMillis();
                        if (left <= 0) {
                            throw new InputBlocked(off);
                        }
                        PollFd p = new PollFd();
                        p.fd = master;
                        p.events = POLLOUT;
                        libc().poll(p, 1, (int) Math.min(left, Integer.MAX_VALUE));
                        continue;
                    }
                    throw new IOException("write to the terminal failed, errno " + errno);
                }
                off += (int) n;
            }
        }
    }

    /** Only the reader closes, after its last read, so no read ever sees a reused descriptor. */
    @Override
    public void close() {
        synchronized (writeLock) {
            if (!closed) {
                closed = true;
                libc().close(master);
            }
        }
    }
}
