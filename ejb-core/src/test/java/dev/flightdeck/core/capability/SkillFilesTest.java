package dev.flightdeck.core.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillFilesTest {
    @Test
    void readsNameAndDescriptionFromFrontMatter() {
        SkillFiles.Skill s = SkillFiles.parse("---\nname: release-notes\ndescription: Writes release notes\n---\nBody\n",
                "dir", "/p/SKILL.md", "repo");
        assertThat(s.name()).isEqualTo("release-notes");
        assertThat(s.description()).isEqualTo("Writes release notes");
        assertThat(s.path()).isEqualTo("/p/SKILL.md");
        assertThat(s.scope()).isEqualTo("repo");
        assertThat(s.enabled()).isTrue();
    }

    @Test
    void nameDefaultsToTheDirectory() {
        assertThat(SkillFiles.parse("---\r\ndescription: >\r\n  folded\r\n  text\r\n---\r\n", "lint", "p", "user").name())
                .isEqualTo("lint");
    }

    @Test
    void descriptionDefaultsToTheBodysFirstLineOfText() {
        assertThat(SkillFiles.parse("---\nname: x\n---\n\n# Title\nDeploys the app.\n", "d", "p", "repo").description())
                .isEqualTo("Deploys the app.");
        assertThat(SkillFiles.parse("---\nname: deploy\n---\n", "d", "p", "repo").description()).isEmpty();
    }

    @Test
    void refusesMissingOrInvalidFrontMatter() {
        assertThatThrownBy(() -> SkillFiles.parse("# no front matter", "d", "p", "repo"))
                .hasMessageContaining("no front matter");
        assertThatThrownBy(() -> SkillFiles.parse("---\nname: x\n", "d", "p", "repo")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> SkillFiles.parse("---\nname: [x\n---\n", "d", "p", "repo"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> SkillFiles.parse("---\n- a\n---\n", "d", "p", "repo")).hasMessageContaining("mapping");
    }

    @Test
    void scanListsValidSkillsAndReportsInvalidOnes(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("good"));
        Files.writeString(root.resolve("good/SKILL.md"), "---\ndescription: Good one\n---\n");
        Files.createDirectories(root.resolve("bad"));
        Files.writeString(root.resolve("bad/SKILL.md"), "no front matter");
        Files.createDirectories(root.resolve("empty"));
        SkillFiles.Found found = SkillFiles.scan(root, "repo");
        assertThat(found.skills()).extracting(SkillFiles.Skill::name).containsExactly("good");
        assertThat(found.errors()).extracting(SkillFiles.SkillError::path)
                .containsExactly(root.resolve("bad/SKILL.md").toString());
        assertThat(SkillFiles.scan(root.resolve("absent"), "repo").skills()).isEmpty();
    }
}
