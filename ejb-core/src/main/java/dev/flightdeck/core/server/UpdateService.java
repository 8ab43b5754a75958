package dev.flightdeck.core.server;

import dev.flightdeck.core.settings.ServerSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The persisted update channel and last check; see {@link UpdateRules} for what they mean. */
@Stateless
public class UpdateService {
    public static final String UPDATE_CHANNEL = "update_channel";
    public static final String UPDATE_CHECKED_AT = "update_checked_at";

    @Inject
    ServerSettings settings;

    @Inject
    ServerMeta meta;

    public String channel() {
        return UpdateRules.storedChannel(settings.get(UPDATE_CHANNEL).orElse(null));
    }

    public String setChannel(String channel) {
        settings.put(UPDATE_CHANNEL, channel);
        return channel;
    }

    /** The last check's answer; null until a check was made, as the contract allows. */
    public UpdateRules.Status status() {
        Long checked = checkedAt();
        return checked == null ? null : UpdateRules.status(meta.version(), channel(), checked);
    }

    public UpdateRules.Status check() {
        long now = System.currentTimeMillis();
        Long last = checkedAt();
        if (UpdateRules.due(last, now)) {
            settings.put(UPDATE_CHECKED_AT, Long.toString(now));
            last = now;
        }
        return UpdateRules.status(meta.version(), channel(), last);
    }

    public UpdateRules.Refusal startUpgrade(UpdateRules.UpgradeRequest request) {
        return UpdateRules.refuse(request, meta.version(), channel());
    }

    private Long checkedAt() {
        try {
            return settings.get(UPDATE_CHECKED_AT).map(Long::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
