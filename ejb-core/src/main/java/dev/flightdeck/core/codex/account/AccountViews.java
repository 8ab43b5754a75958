package dev.flightdeck.core.codex.account;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Locale;
import java.util.regex.Pattern;

/** The contract's account shapes and WebSocket messages, from the app-server's account answers. Pure. */
public final class AccountViews {
    private AccountViews() {
    }

    /** {@code account?{type,email,plan_type}}: the app-server's account, type and plan in snake_case. */
    public record Account(String type, String email, String planType) {
    }

    /** {@code status{auth_mode, requires_openai_auth, account?, login_in_progress}}. */
    public record Status(String authMode, boolean requiresOpenaiAuth, Account account, boolean loginInProgress) {
    }

    public record StatusView(Status status) {
    }

    public record LoginStarted(String loginId, String authUrl) {
    }

    public record LoginCanceled(String loginId, String status) {
    }

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    /** apiKey → api_key, amazonBedrock → amazon_bedrock; null stays null. */
    static String snake(String camel) {
        return camel == null ? null : CAMEL.matcher(camel).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * From {@code account/read}'s {@code {account?, requiresOpenaiAuth}}. The auth mode is the
     * account's kind (Codex reports no other), null when nobody is logged in.
     */
    public static Status status(JsonObject read, boolean loginInProgress) {
        Account account = null;
        if (read.get("account") instanceof JsonObject a) {
            account = new Account(snake(a.getString("type", null)), text(a, "email"), snake(text(a, "planType")));
        }
        return new Status(account == null ? null : account.type(), read.getBoolean("requiresOpenaiAuth", true),
                account, loginInProgress);
    }

    /** From {@code account/login/start}'s ChatGPT answer; null when it is another kind of answer. */
    public static LoginStarted loginStarted(JsonObject result) {
        String id = text(result, "loginId");
        String url = text(result, "authUrl");
        return id == null || url == null ? null : new LoginStarted(id, url);
    }

    /** The contract's cancel status from Codex's: canceled, notFound → not_found. */
    public static String cancelStatus(JsonObject result) {
        return "canceled".equals(text(result, "status")) ? "canceled" : "not_found";
    }

    /** A login id the app-server could have issued: it issues UUIDs and refuses any other text. */
    public static boolean plausibleLoginId(String id) {
        return id != null && id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    public static JsonObject statusMessage(String type, Status s) {
        return Json.createObjectBuilder().add("type", type).add("status", statusJson(s)).build();
    }

    public static JsonObject loginStartedMessage(LoginStarted l) {
        return Json.createObjectBuilder().add("type", "codex_login_chatgpt_started").add("login_id", l.loginId())
                .add("auth_url", l.authUrl()).build();
    }

    public static JsonObject loginCanceledMessage(String loginId) {
        return Json.createObjectBuilder().add("type", "codex_login_chatgpt_canceled").add("login_id", loginId).build();
    }

    /** From {@code account/login/completed}: {@code {loginId?, success, error?}}. */
    public static JsonObject loginCompletedMessage(JsonObject notice) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "codex_login_chatgpt_completed");
        nullable(b, "login_id", text(notice, "loginId"));
        b.add("success", notice.getBoolean("success", false));
        nullable(b, "error", text(notice, "error"));
        return b.build();
    }

    static JsonObject statusJson(Status s) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        nullable(b, "auth_mode", s.authMode());
        b.add("requires_openai_auth", s.requiresOpenaiAuth());
        if (s.account() != null) {
            JsonObjectBuilder a = Json.createObjectBuilder();
            nullable(a, "type", s.account().type());
            nullable(a, "email", s.account().email());
            nullable(a, "plan_type", s.account().planType());
            b.add("account", a);
        } else {
            b.addNull("account");
        }
        return b.add("login_in_progress", s.loginInProgress()).build();
    }

    private static void nullable(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
