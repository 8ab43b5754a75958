package dev.flightdeck.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void everyCodeIsSnakeCaseWithAClientOrServerStatus() {
        Arrays.stream(ErrorCode.values()).forEach(c -> {
            assertThat(c.code()).matches("[a-z]+(_[a-z]+)*");
            assertThat(c.status()).isBetween(400, 599);
        });
    }

    @Test
    void aCodeMeansOneThingPerStatus() {
        assertThat(Arrays.stream(ErrorCode.values()).map(c -> c.status() + " " + c.code()).distinct())
                .hasSize(ErrorCode.values().length);
    }

    @Test
    void anErrorCarriesItsCodeAndStatus() {
        ApiException e = ErrorCode.NOT_STEERABLE.error("no turn");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("not_steerable");
        assertThat(e).hasMessage("no turn");
    }
}
