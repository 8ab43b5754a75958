package dev.flightdeck.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenFormatTest {
    @Test
    void mintedTokensParseBackToTheirParts() {
        for (int i = 0; i < 200; i++) {
            TokenFormat.Minted m = TokenFormat.mint();
            assertThat(m.token()).startsWith("fdk_").hasSize(4 + 12 + 1 + 43);
            TokenFormat.Parsed p = TokenFormat.parse(m.token()).orElseThrow();
            assertThat(p.id()).isEqualTo(m.id());
            assertThat(p.secret()).isEqualTo(m.secret());
        }
    }

    @Test
    void idsAndSecretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenFormat.mint().token())).isTrue();
        }
    }

    @Test
    void malformedTokensDoNotParse() {
        String good = TokenFormat.mint().token();
        assertThat(TokenFormat.parse(null)).isEmpty();
        assertThat(TokenFormat.parse("")).isEmpty();
        assertThat(TokenFormat.parse("odtk_" + good.substring(4))).isEmpty();
        assertThat(TokenFormat.parse(good + "a")).isEmpty();
        assertThat(TokenFormat.parse(good.substring(0, 16) + "-" + good.substring(17))).isEmpty();
        assertThat(TokenFormat.parse(good.substring(0, 20) + "!" + good.substring(21))).isEmpty();
    }

    @Test
    void hashesAreSaltedAndVerifyOnlyTheRightSecret() {
        String secret = TokenFormat.mint().secret();
        String s1 = TokenFormat.newSalt();
        String s2 = TokenFormat.newSalt();
        assertThat(s1).hasSize(32).isNotEqualTo(s2);
        String h1 = TokenFormat.hash(s1, secret);
        assertThat(h1).hasSize(64).isNotEqualTo(TokenFormat.hash(s2, secret)).doesNotContain(secret);
        assertThat(TokenFormat.verify(s1, h1, secret)).isTrue();
        assertThat(TokenFormat.verify(s1, h1, secret + "x")).isFalse();
        assertThat(TokenFormat.verify(s2, h1, secret)).isFalse();
    }

    @Test
    void staticTokenComparison() {
        assertThat(TokenFormat.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(TokenFormat.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(TokenFormat.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(TokenFormat.constantTimeEquals(null, "abc")).isFalse();
        assertThat(TokenFormat.constantTimeEquals("abc", null)).isFalse();
    }

    @Test
    void callerPrincipalNamesRoundTrip() {
        assertThat(Caller.tokenIdOf(new Caller("abc", TokenKind.APP).principalName())).isEqualTo("abc");
        assertThat(Caller.tokenIdOf(new Caller(null, TokenKind.APP).principalName())).isNull();
    }
}
