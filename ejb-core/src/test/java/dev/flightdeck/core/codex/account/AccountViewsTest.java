package dev.flightdeck.core.codex.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AccountViewsTest {
    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    @Test
    void nobodyLoggedInHasNoAuthModeAndNoAccount() {
        AccountViews.Status s = AccountViews.status(json("{'account':null,'requiresOpenaiAuth':true}"), false);
        assertThat(s.authMode()).isNull();
        assertThat(s.account()).isNull();
        assertThat(s.requiresOpenaiAuth()).isTrue();
        assertThat(AccountViews.statusJson(s).toString())
                .isEqualTo("{\"auth_mode\":null,\"requires_openai_auth\":true,\"account\":null,\"login_in_progress\":false}");
    }

    @Test
    void aChatgptAccountIsSnakeCasedWithItsPlan() {
        AccountViews.Status s = AccountViews.status(json(
                "{'account':{'type':'chatgpt','email':'a@b.c','planType':'pro'},'requiresOpenaiAuth':true}"), true);
        assertThat(s.authMode()).isEqualTo("chatgpt");
        assertThat(s.account()).isEqualTo(new AccountViews.Account("chatgpt", "a@b.c", "pro"));
        assertThat(s.loginInProgress()).isTrue();
    }

    @Test
    void anApiKeyAccountIsApiKeyMode() {
        AccountViews.Status s = AccountViews.status(json("{'account':{'type':'apiKey'},'requiresOpenaiAuth':false}"), false);
        assertThat(s.authMode()).isEqualTo("api_key");
        assertThat(s.account().email()).isNull();
        assertThat(s.requiresOpenaiAuth()).isFalse();
        assertThat(AccountViews.snake("amazonBedrock")).isEqualTo("amazon_bedrock");
    }

    @Test
    void onlyAChatgptLoginAnswerIsAStartedLogin() {
        assertThat(AccountViews.loginStarted(json("{'type':'chatgpt','loginId':'L','authUrl':'https://x'}")))
                .isEqualTo(new AccountViews.LoginStarted("L", "https://x"));
        assertThat(AccountViews.loginStarted(json("{'type':'apiKey'}"))).isNull();
    }

    @Test
    void cancelStatusesAndLoginIds() {
        assertThat(AccountViews.cancelStatus(json("{'status':'canceled'}"))).isEqualTo("canceled");
        assertThat(AccountViews.cancelStatus(json("{'status':'notFound'}"))).isEqualTo("not_found");
        assertThat(AccountViews.plausibleLoginId("07264ee3-eff2-4e2b-b19c-8e770be4efb6")).isTrue();
        assertThat(AccountViews.plausibleLoginId("x")).isFalse();
        assertThat(AccountViews.plausibleLoginId(null)).isFalse();
    }

    @Test
    void messagesCarryTheContractTypes() {
        assertThat(AccountViews.loginStartedMessage(new AccountViews.LoginStarted("L", "U")).toString())
                .isEqualTo("{\"type\":\"codex_login_chatgpt_started\",\"login_id\":\"L\",\"auth_url\":\"U\"}");
        assertThat(AccountViews.loginCanceledMessage("L").getString("type")).isEqualTo("codex_login_chatgpt_canceled");
        JsonObject done = AccountViews.loginCompletedMessage(json("{'loginId':'L','success':false,'error':'closed'}"));
        assertThat(done.getString("type")).isEqualTo("codex_login_chatgpt_completed");
        assertThat(done.getBoolean("success")).isFalse();
        assertThat(done.getString("error")).isEqualTo("closed");
        AccountViews.Status s = new AccountViews.Status(null, true, null, false);
        assertThat(AccountViews.statusMessage("codex_account_updated", s).getJsonObject("status")
                .getBoolean("requires_openai_auth")).isTrue();
    }
}
