-- Server-wide settings (contract §3 "config"): tracker and provider keys, mission defaults. Secret
-- values are stored sealed (enc:v1:…, AES-256-GCM), never in plain text. The columns are not named
-- key/value: both are reserved words in H2.
CREATE TABLE server_settings (
    setting_key    VARCHAR(200)  NOT NULL PRIMARY KEY,
    setting_value  TEXT          NOT NULL,
    updated_at     BIGINT        NOT NULL
);
