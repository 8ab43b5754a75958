package dev.flightdeck.persistence.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One server setting; a secret's value is sealed before it gets here. */
@Entity
@Table(name = "server_settings")
public class ServerSettingEntity {
    @Id
    @Column(name = "setting_key")
    public String key;
    @Column(name = "setting_value")
    public String value;
    @Column(name = "updated_at")
    public long updatedAt;
}
