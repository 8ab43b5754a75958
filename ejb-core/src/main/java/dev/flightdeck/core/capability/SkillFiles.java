package dev.flightdeck.core.capability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Claude Code's skills on disk: a directory with a SKILL.md each, under {@code .claude/skills} of the
 * project and of the user's Claude config directory. The front matter (YAML between {@code ---} lines)
 * names and describes the skill.
 */
public final class SkillFiles {
    private SkillFiles() {
    }

    /** A skill in the contract's skill shape (Codex's skill metadata, which the same clients read). */
    public record Skill(String name, String description, String shortDescription, String path, String scope,
                        boolean enabled) {
    }

    /** A SKILL.md that could not be read or has no valid front matter. */
    public record SkillError(String path, String message) {
    }

    public record Found(List<Skill> skills, List<SkillError> errors) {
    }

    /** Every skill under {@code root} (a .claude/skills directory), by directory name; absent root: none. */
    public static Found scan(Path root, String scope) {
        List<Skill> skills = new ArrayList<>();
        List<SkillError> errors = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Found(skills, errors);
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(root)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve("SKILL.md"))).sorted().toList();
        } catch (IOException e) {
            errors.add(new SkillError(root.toString(), "could not list the skills directory"));
            return new Found(skills, errors);
        }
        for (Path dir : dirs) {
            Path file = dir.resolve("SKILL.md");
            try {
                skills.add(parse(Files.readString(file, StandardCharsets.UTF_8), dir.getFileName().toString(),
                        file.toString(), scope));
            } catch (IOException e) {
                errors.add(new SkillError(file.toString(), "could not read SKILL.md"));
            } catch (IllegalArgumentException e) {
                errors.add(new SkillError(file.toString(), e.getMessage()));
            }
        }
        return new Found(skills, errors);
    }

    /**
     * One SKILL.md. Its front matter must be a YAML mapping; the name defaults to the directory's and
     * the description to the body's first line of text, as Claude Code fills them in.
     *
     * @throws IllegalArgumentException with the reason, when the front matter is missing or invalid
     */
    public static Skill parse(String text, String directoryName, String path, String scope) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new IllegalArgumentException("SKILL.md has no front matter (it must start with a --- line)");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("SKILL.md front matter is not closed by a --- line");
        }
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
                    .loadFromString(String.join("\n", java.util.Arrays.asList(lines).subList(1, end)));
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("SKILL.md front matter is not valid YAML");
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("SKILL.md front matter is not a mapping");
        }
        String name = text(map.get("name"));
        String description = text(map.get("description"));
        if (description == null || description.isBlank()) {
            // As Claude Code does: a skill without one is described by its body's first line of text.
            description = java.util.Arrays.stream(lines).skip(end + 1L).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
        }
        return new Skill(name == null || name.isBlank() ? directoryName : name.strip(), description.strip(),
                null, path, scope, true);
    }

    private static String text(Object v) {
        return v == null ? null : v instanceof Map || v instanceof List ? null : v.toString();
    }
}
