package dev.flightdeck.core.codex.account;

import dev.flightdeck.core.codex.CodexControl;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Codex account (contract §1.12): read, ChatGPT login, cancel and logout, all asked of the
 * control app-server, which keeps the credentials in CODEX_HOME as Codex always does. Flightdeck
 * stores none of them.
 */
@ApplicationScoped
public class CodexAccount {
    private static final Logger LOG = Logger.getLogger(CodexAccount.class.getName());

    @Inject
    CodexControl control;

    @Inject
    Event<CodexAccountBroadcast> broadcast;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    /** Logins started and not yet completed or canceled: login_in_progress. */
    private final Set<String> logins = ConcurrentHashMap.newKeySet();
    /** Logins canceled here: their completion notice is the cancel, already sent as _canceled. */
    private final Set<String> canceled = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        control.listen(this::onNotice);
    }

    public AccountViews.StatusView account(boolean refreshToken) {
        return new AccountViews.StatusView(read(refreshToken));
    }

    public AccountViews.LoginStarted startLogin() {
        JsonObject r = call("account/login/start", Json.createObjectBuilder().add("type", "chatgpt").build());
        AccountViews.LoginStarted started = AccountViews.loginStarted(r);
        if (started == null) {
            throw ErrorCode.CODEX_AUTH_ERROR.error("codex did not start a ChatGPT login");
        }
        logins.add(started.loginId());
        send(AccountViews.loginStartedMessage(started));
        sendStatus();
        return started;
    }

    public AccountViews.LoginCanceled cancelLogin(String loginId) {
        if (!AccountViews.plausibleLoginId(loginId)) {
            return new AccountViews.LoginCanceled(loginId, "invalid_id");
        }
        JsonObject r = call("account/login/cancel", Json.createObjectBuilder().add("loginId", loginId).build());
        String status = AccountViews.cancelStatus(r);
        if ("canceled".equals(status)) {
            canceled.add(loginId);
            logins.remove(loginId);
            send(AccountViews.loginCanceledMessage(loginId));
            sendStatus();
        }
        return new AccountViews.LoginCanceled(loginId, status);
    }

    /** Logs out; the app-server's account/updated notice broadcasts codex_account_updated. */
    public AccountViews.StatusView logout() {
        call("account/logout", JsonValue.EMPTY_JSON_OBJECT);
        return new AccountViews.StatusView(read(false));
    }

    private AccountViews.Status read(boolean refreshToken) {
        JsonObject params = Json.createObjectBuilder().add("refreshToken", refreshToken).build();
        return AccountViews.status(call("account/read", params), !logins.isEmpty());
    }

    private JsonObject call(String method, JsonObject params) {
        try {
            return control.call(method, params);
        } catch (CodexControl.Refused e) {
            throw ErrorCode.CODEX_AUTH_ERROR.error(e.getMessage());
        } catch (ApiException e) {
            if (ErrorCode.CODEX_UNAVAILABLE.code().equals(e.code())) {
                throw ErrorCode.CODEX_AUTH_ERROR.error(e.getMessage());
            }
            throw e;
        }
    }

    /** On the control app-server's reader thread: what needs another call goes to its own thread. */
    private void onNotice(String method, JsonObject params) {
        if ("account/login/completed".equals(method)) {
            String id = params.getString("loginId", null);
            if (id != null) {
                logins.remove(id);
                if (canceled.remove(id)) {
                    return;
                }
            }
            send(AccountViews.loginCompletedMessage(params));
            later(this::sendStatus);
        } else if (CodexControl.EXITED.equals(method)) {
            // A login lives in the process that started it; the next start is a new app-server.
            logins.forEach(id -> send(AccountViews.loginCompletedMessage(jakarta.json.Json.createObjectBuilder()
                    .add("loginId", id).add("success", false).add("error", "codex app-server exited").build())));
            logins.clear();
            canceled.clear();
        } else if ("account/updated".equals(method)) {
            later(() -> send(AccountViews.statusMessage("codex_account_updated", read(false))));
        }
    }

    private void later(Runnable r) {
        executor.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not broadcast the Codex account", e);
            }
        });
    }

    private void sendStatus() {
        send(AccountViews.statusMessage("codex_account_status", read(false)));
    }

    private void send(JsonObject message) {
        broadcast.fire(new CodexAccountBroadcast(message.toString()));
    }
}
