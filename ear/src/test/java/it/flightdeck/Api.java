package it.flightdeck;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client against the started server. */
public final class Api {
    public static final String BASE = System.getProperty("it.base.url", "http://127.0.0.1:4100");
    public static final Path DATA_DIR = Path.of(System.getProperty("it.data.dir", "target/it-data"));
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static String token;

    private Api() {
    }

    /** The token the server generated on first start. */
    public static synchronized String token() {
        if (token == null) {
            try {
                token = Files.readString(DATA_DIR.resolve("auth-token")).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return token;
    }

    public record Resp(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonObject json() {
            JsonStructure s = Json.createReader(new StringReader(body)).read();
            return s.asJsonObject();
        }

        public jakarta.json.JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    public static Resp get(String path) {
        return call("GET", path, null, token());
    }

    public static Resp post(String path, String json) {
        return call("POST", path, json, token());
    }

    public static Resp patch(String path, String json) {
        return call("PATCH", path, json, token());
    }

    public static Resp delete(String path) {
        return call("DELETE", path, null, token());
    }

    public static Resp call(String method, String path, String json, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build());
    }

    public static Resp send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET over a plain socket, with the request target sent byte for byte: for paths that
     * {@link URI} would normalise or refuse (a NUL, {@code ..;}, dot segments, {@code //}). Extra
     * header lines go in as given.
     */
    public static Resp raw(String target, String bearer, String... headers) {
        URI base = URI.create(BASE);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n");
            if (bearer != null) {
                req.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            socket.getOutputStream().write(req.append("Connection: close\r\n\r\n").toString()
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(java.nio.charset.StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed in the response head: " + head);
                }
                head.write(b);
            }
            String[] lines = head.toString(java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, java.util.List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                map.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            byte[] body;
            if (status == 101) {
                // A WebSocket: what follows is frames; the first one is enough to tell text from close.
                body = in.readNBytes(2);
            } else if (map.containsKey("Content-Length")) {
                body = in.readNBytes(Integer.parseInt(map.get("Content-Length").get(0)));
            } else {
                body = in.readAllBytes();
            }
            return new Resp(status, new String(body, status == 101
                    ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_8), map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a session in a fresh temp directory and returns its id. */
    public static String createSession() {
        try {
            Path dir = Files.createTempDirectory("fd-it-");
            Resp r = post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + dir + "\"}");
            if (r.status() != 200) {
                throw new IllegalStateException("create failed: " + r);
            }
            return r.json().getString("session_id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long detailRevision(String sessionId) {
        return get("/api/sessions/" + sessionId + "/detail").json().getJsonNumber("revision").longValue();
    }

    public static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v == JsonValue.NULL ? null : o.getString(key);
    }
}
