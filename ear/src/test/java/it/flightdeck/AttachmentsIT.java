package it.flightdeck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Image attachments stored by the server and read back, over real HTTP. */
class AttachmentsIT {
    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Api.token());
    }

    static Api.Resp upload(String sessionId, String contentType, byte[] bytes) {
        HttpRequest.Builder b = request("/api/sessions/" + sessionId + "/conversation/attachments/images?display_name=shot.png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return Api.send(b.build());
    }

    static byte[] pixel() throws Exception {
        return Files.readAllBytes(Path.of(AttachmentsIT.class.getResource("/pixel.png").toURI()));
    }

    @Test
    void anImageRoundTripsWithItsType() throws Exception {
        String session = Api.createSession();
        Api.Resp stored = upload(session, "image/png", pixel());
        assertEquals(200, stored.status(), stored.body());
        var image = stored.json().getJsonObject("image");
        assertEquals("attachment", image.getString("input_type"));
        assertEquals("image/png", image.getString("mime_type"));
        assertEquals("shot.png", image.getString("display_name"));
        HttpResponse<byte[]> back = Api.HTTP.send(request("/api/sessions/" + session
                + "/conversation/attachments/images/" + image.getString("value")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, back.statusCode());
        assertEquals("image/png", back.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(pixel(), back.body());
    }

    @Test
    void wrongTypesOversizeAndPathLikeIdsAreRefused() throws Exception {
        String session = Api.createSession();
        Api.Resp text = upload(session, "text/plain", "hello".getBytes());
        assertEquals(415, text.status());
        assertEquals("unsupported_media_type", text.json().getString("code"));
        Api.Resp big = upload(session, "image/jpeg", new byte[10 * 1024 * 1024 + 1]);
        assertEquals(413, big.status());
        assertEquals("payload_too_large", big.json().getString("code"));
        assertEquals(400, upload(session, "image/png", new byte[0]).status());
        assertEquals(404, upload("od-00000000-0000-0000-0000-000000000000", "image/png", pixel()).status());

        String stored = upload(session, "image/png", pixel()).json().getJsonObject("image").getString("value");
        for (String id : new String[] {"...png", "img-..png", "img-" + stored.substring(4, 40) + "..png",
                stored.replace(".png", ".gif"), stored.toUpperCase(), "img-00000000-0000-0000-0000-000000000000.png"}) {
            Api.Resp r = Api.get("/api/sessions/" + session + "/conversation/attachments/images/" + id);
            assertEquals(404, r.status(), id + ": " + r.body());
            assertEquals("attachment_read_failed", r.json().getString("code"), id);
        }
        // An encoded slash is refused by the container before any route: still the envelope, no page, no trace.
        for (String id : new String[] {"..%2F..%2Fauth-token", "%2Fetc%2Fpasswd"}) {
            Api.Resp r = Api.get("/api/sessions/" + session + "/conversation/attachments/images/" + id);
            assertEquals(400, r.status(), id + ": " + r.body());
            assertEquals("invalid_request", r.json().getString("code"), id);
        }
        // Another session cannot read it either.
        assertEquals(404, Api.get("/api/sessions/" + Api.createSession() + "/conversation/attachments/images/" + stored).status());
    }
}
