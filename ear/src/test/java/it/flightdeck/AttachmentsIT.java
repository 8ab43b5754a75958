package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        var image = stored.json().getJsonObject("image");
        assertThat(image.getString("input_type")).isEqualTo("attachment");
        assertThat(image.getString("mime_type")).isEqualTo("image/png");
        assertThat(image.getString("display_name")).isEqualTo("shot.png");
        HttpResponse<byte[]> back = Api.HTTP.send(request("/api/sessions/" + session
                + "/conversation/attachments/images/" + image.getString("value")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(back.body()).isEqualTo(pixel());
    }

    @Test
    void wrongTypesOversizeAndPathLikeIdsAreRefused() throws Exception {
        String session = Api.createSession();
        Api.Resp text = upload(session, "text/plain", "hello".getBytes());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().getString("code")).isEqualTo("unsupported_media_type");
        Api.Resp big = upload(session, "image/jpeg", new byte[10 * 1024 * 1024 + 1]);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().getString("code")).isEqualTo("payload_too_large");
        assertThat(upload(session, "image/png", new byte[0]).status()).isEqualTo(400);
        assertThat(upload("od-00000000-0000-0000-0000-000000000000", "image/png", pixel()).status()).isEqualTo(404);

        String stored = upload(session, "image/png", pixel()).json().getJsonObject("image").getString("value");
        for (String id : new String[] {"...png", "img-..png", "img-" + stored.substring(4, 40) + "..png",
                stored.replace(".png", ".gif"), stored.toUpperCase(), "img-00000000-0000-0000-0000-000000000000.png"}) {
            Api.Resp r = Api.get("/api/sessions/" + session + "/conversation/attachments/images/" + id);
            assertThat(r.status()).as(id + ": " + r.body()).isEqualTo(404);
            assertThat(r.json().getString("code")).as(id).isEqualTo("attachment_read_failed");
        }
        // An encoded slash is refused by the container before any route: still the envelope, no page, no trace.
        for (String id : new String[] {"..%2F..%2Fauth-token", "%2Fetc%2Fpasswd"}) {
            Api.Resp r = Api.get("/api/sessions/" + session + "/conversation/attachments/images/" + id);
            assertThat(r.status()).as(id + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().getString("code")).as(id).isEqualTo("invalid_request");
        }
        // Another session cannot read it either.
        assertThat(Api.get("/api/sessions/" + Api.createSession() + "/conversation/attachments/images/" + stored).status()).isEqualTo(404);
    }
}
