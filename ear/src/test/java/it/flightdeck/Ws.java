package it.flightdeck;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) that records every frame it receives. */
public final class Ws implements WebSocket.Listener, AutoCloseable {
    public final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    public volatile String closeReason;
    public final AtomicInteger pings = new AtomicInteger();
    /** Binary frames (terminal output), whole. */
    public final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final java.io.ByteArrayOutputStream partialBinary = new java.io.ByteArrayOutputStream();
    private final boolean reading;
    private WebSocket socket;

    private Ws(boolean reading) {
        this.reading = reading;
    }

    public static Ws connect(String token) {
        return connect(token, true);
    }

    /** With reading false the client never asks for more frames, so the server's sends back up. */
    public static Ws connect(String token, boolean reading) {
        Ws ws = new Ws(reading);
        ws.socket = Api.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(Api.BASE.replace("http", "ws") + "/ws"), ws).join();
        return ws;
    }

    /** Connects with the token in the header and {@code query} (without the {@code ?}) on the URL. */
    public static Ws connectWithQuery(String token, String query) {
        Ws ws = new Ws(true);
        ws.socket = Api.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(Api.BASE.replace("http", "ws") + "/ws?" + query), ws).join();
        return ws;
    }

    public static CompletableFuture<WebSocket> connectWithQueryToken(String token, Ws ws) {
        return Api.HTTP.newWebSocketBuilder().buildAsync(
                URI.create(Api.BASE.replace("http", "ws") + "/ws?token=" + token), ws);
    }

    public static Ws listener() {
        return new Ws(true);
    }

    /** Starts reading for a client created with reading false. */
    public void resume() {
        socket.request(Long.MAX_VALUE);
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** Sends without waiting: for a client the server may already have dropped. */
    public CompletableFuture<WebSocket> sendLater(String json) {
        return socket.sendText(json, true);
    }

    /** Waits for the next frame that matches, skipping others. */
    public JsonObject await(Predicate<JsonObject> match, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject f = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("no matching frame within " + seconds + " s");
            }
            if (match.test(f)) {
                return f;
            }
        }
    }

    /** Waits until a frame of each type has arrived, in any order; returns the first of each. */
    public java.util.Map<String, JsonObject> awaitAll(String... types) throws InterruptedException {
        java.util.Map<String, JsonObject> seen = new java.util.HashMap<>();
        java.util.Set<String> wanted = java.util.Set.of(types);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.keySet().containsAll(wanted)) {
            JsonObject f = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("only " + seen.keySet() + " of " + wanted + " within 10 s");
            }
            String type = f.getString("type", "");
            if (wanted.contains(type)) {
                seen.putIfAbsent(type, f);
            }
        }
        return seen;
    }

    public JsonObject awaitType(String type) throws InterruptedException {
        return await(f -> type.equals(f.getString("type", "")), 10);
    }

    /** Everything received within the window. */
    public List<JsonObject> drain(long millis) throws InterruptedException {
        List<JsonObject> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        JsonObject f;
        while ((f = frames.poll(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) != null) {
            out.add(f);
        }
        return out;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partialBinary.writeBytes(chunk);
        if (last) {
            binaries.add(partialBinary.toByteArray());
            partialBinary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        webSocket.request(1);
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
