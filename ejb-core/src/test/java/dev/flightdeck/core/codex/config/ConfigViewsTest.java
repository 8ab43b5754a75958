package dev.flightdeck.core.codex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ConfigViewsTest {
    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    private static final JsonObject READ = json("{'config':{'model':'gpt-a','model_reasoning_effort':'low',"
            + "'model_providers':{'p1':{'name':'One','base_url':'http://h/v1','wire_api':'responses',"
            + "'experimental_bearer_token':'secret-token','http_headers':{'X':'secret-header'}}},"
            + "'profiles':{'fast':{'model':'gpt-f','sandbox_mode':null}}},"
            + "'origins':{'model':{'name':{'type':'user','file':'/h/config.toml','profile':null},'version':'sha256:u'},"
            + "'model_reasoning_effort':{'name':{'type':'project','dotCodexFolder':'/p/.codex'},'version':'sha256:p'}},"
            + "'layers':[{'name':{'type':'project','dotCodexFolder':'/p/.codex'},'version':'sha256:p','config':{}},"
            + "{'name':{'type':'user','file':'/h/config.toml','profile':null},'version':'sha256:u','config':{'model':'gpt-a'}},"
            + "{'name':{'type':'packagedDefaults','file':'/d.toml'},'version':'sha256:d','config':{},'disabledReason':'off'}]}");

    @Test
    void inspectAppliesTheProfileThenTheRequestAndSaysWhereEachComesFrom() {
        ConfigViews.Inspect req = ConfigViews.inspect(json("{'cwd':'/p','codex_config_mode':'profile',"
                + "'codex_config_profile':'fast','effort':'high'}"));
        JsonObject config = READ.getJsonObject("config");
        JsonObject eff = ConfigViews.effective(config, req);
        assertThat(eff.getString("model")).isEqualTo("gpt-f");
        assertThat(eff.getString("effort")).isEqualTo("high");
        assertThat(eff.getString("profile")).isEqualTo("fast");
        assertThat(eff.isNull("sandbox_mode")).isTrue();
        JsonObject origins = ConfigViews.origins(config, READ.getJsonObject("origins"), req);
        assertThat(origins.getJsonObject("model").getString("source")).isEqualTo("profile");
        assertThat(origins.getJsonObject("effort").getString("source")).isEqualTo("request");
        assertThat(origins.containsKey("sandbox_mode")).isFalse();
    }

    @Test
    void inheritTakesCodexsOriginsWithFileAndVersion() {
        ConfigViews.Inspect req = ConfigViews.inspect(json("{'cwd':'/p'}"));
        JsonObject origins = ConfigViews.origins(READ.getJsonObject("config"), READ.getJsonObject("origins"), req);
        assertThat(origins.getJsonObject("model").toString())
                .isEqualTo("{\"source\":\"user\",\"file_path\":\"/h/config.toml\",\"version\":\"sha256:u\"}");
        assertThat(origins.getJsonObject("effort").getString("file_path")).isEqualTo("/p/.codex/config.toml");
        assertThat(ConfigViews.effective(READ.getJsonObject("config"), req).getString("effort")).isEqualTo("low");
    }

    @Test
    void layersAndDocumentsNameFilesAndVersionsButNotContents() {
        assertThat(ConfigViews.layers(READ).toString()).doesNotContain("gpt-a")
                .contains("\"source\":\"packaged_defaults\"").contains("\"disabled_reason\":\"off\"");
        JsonObject docs = ConfigViews.documents(READ);
        assertThat(docs.getJsonObject("user").getString("version")).isEqualTo("sha256:u");
        assertThat(docs.getJsonObject("user").getBoolean("writable")).isTrue();
        assertThat(docs.getJsonArray("projects")).hasSize(1);
        assertThat(docs.getJsonArray("projects").getJsonObject(0).getBoolean("writable")).isFalse();
    }

    @Test
    void providersNeverCarryTokensOrHeaders() {
        String providers = ConfigViews.providers(READ.getJsonObject("config")).toString();
        assertThat(providers).contains("\"id\":\"p1\"").contains("http://h/v1").doesNotContain("secret");
        assertThat(ConfigViews.profiles(READ.getJsonObject("config")).toString()).isEqualTo("[\"fast\"]");
    }

    @Test
    void badInspectRequestsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ConfigViews.inspect(json("{}"))).hasMessageContaining("cwd");
        assertThatThrownBy(() -> ConfigViews.inspect(json("{'cwd':'/p','colour':'x'}"))).hasMessageContaining("colour");
        assertThatThrownBy(() -> ConfigViews.inspect(json("{'cwd':'/p','codex_config_source':'x'}")))
                .hasMessageContaining("codex_config_source");
        assertThatThrownBy(() -> ConfigViews.inspect(json("{'cwd':'/p','model':5}"))).hasMessageContaining("model");
        assertThatThrownBy(() -> ConfigViews.effective(READ.getJsonObject("config"), ConfigViews.inspect(json(
                "{'cwd':'/p','codex_config_mode':'profile','codex_config_profile':'nope'}"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("nope");
    }

    @Test
    void oneEditIsAValueWriteAndSeveralABatch() {
        ConfigViews.Write one = ConfigViews.value(json("{'cwd':'/p','key_path':'model','value':'m','expected_version':'v'}"));
        assertThat(ConfigViews.writeMethod(one)).isEqualTo("config/value/write");
        assertThat(ConfigViews.writeParams(one).toString())
                .isEqualTo("{\"keyPath\":\"model\",\"value\":\"m\",\"mergeStrategy\":\"replace\",\"expectedVersion\":\"v\"}");
        ConfigViews.Write two = ConfigViews.batch(json("{'cwd':'/p','edits':[{'key_path':'a','value':1},"
                + "{'key_path':'b.c','value':{'x':true},'merge_strategy':'upsert'}],'file_path':'/h/config.toml'}"));
        assertThat(ConfigViews.writeMethod(two)).isEqualTo("config/batchWrite");
        assertThat(ConfigViews.writeParams(two).getJsonArray("edits").getJsonObject(1).getString("mergeStrategy"))
                .isEqualTo("upsert");
        assertThat(ConfigViews.writeParams(two).getString("filePath")).isEqualTo("/h/config.toml");
    }

    @Test
    void badWritesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ConfigViews.value(json("{'cwd':'/p','value':1}"))).hasMessageContaining("key_path");
        assertThatThrownBy(() -> ConfigViews.value(json("{'cwd':'/p','key_path':'a.'}"))).hasMessageContaining("key_path");
        assertThatThrownBy(() -> ConfigViews.value(json("{'cwd':'/p','key_path':'a'}"))).hasMessageContaining("value");
        assertThatThrownBy(() -> ConfigViews.value(json("{'cwd':'/p','key_path':'a','value':1,'merge_strategy':'x'}")))
                .hasMessageContaining("merge_strategy");
        assertThatThrownBy(() -> ConfigViews.value(json("{'cwd':'/p','key_path':'a','value':1,'extra':1}")))
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> ConfigViews.batch(json("{'cwd':'/p','edits':[]}"))).hasMessageContaining("edits");
        assertThatThrownBy(() -> ConfigViews.batch(json("{'cwd':'/p','edits':[{'key_path':'a','value':1,'k':2}]}")))
                .hasMessageContaining("edits[0].k");
    }

    @Test
    void writeAnswersAndRefusalsMapToTheContract() {
        ConfigViews.Written w = ConfigViews.written(json("{'status':'okOverridden','version':'sha256:n','filePath':'/h/c',"
                + "'overriddenMetadata':{'message':'m','effectiveValue':1,'overridingLayer':{'name':{'type':'system'},'version':'v'}}}"));
        assertThat(w).isEqualTo(new ConfigViews.Written("ok_overridden", "sha256:n", "/h/c", "system"));
        assertThat(ConfigViews.refusal(json("{'code':-32600,'message':'m','data':{'config_write_error_code':'configVersionConflict'}}"))
                .code()).isEqualTo("config_version_conflict");
        assertThat(ConfigViews.refusal(json("{'code':-32600,'message':'m','data':{'config_write_error_code':'configLayerReadonly'}}"))
                .status()).isEqualTo(422);
        assertThat(ConfigViews.refusal(json("{'code':-32600,'message':'bad'}")).code()).isEqualTo("invalid_codex_config");
    }
}
