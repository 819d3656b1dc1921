package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' container images as the repository describes them: one {@code docker/Dockerfile}
 * for every service, its build context and docker-compose's use of it. That the Dockerfile's
 * steps make a service that runs is shown by fleet-tests' {@code ContainerImageIT}, on the built jars.
 */
class ContainerImageTests {

	private static final Path REPOSITORY = ExternalTools.REPOSITORY;

	@Test
	void everyServiceHasAFinalStageThatExposesThePortTheServiceListensOn() throws IOException {
		String dockerfile = Files.readString(REPOSITORY.resolve("docker/Dockerfile"));

		assertThat(Components.SERVICES.values()).hasSize(5).allSatisfy(module -> {
			Map<String, Object> server = section(load(REPOSITORY.resolve(module + "/src/main/resources/" + module + ".yml")),
					"server");
			assertThat(dockerfile).contains("\nFROM runtime AS " + module + "\nEXPOSE " + server.get("port") + "\n");
		});
		assertThat(dockerfile).endsWith("\nFROM ${MODULE}\n");
	}

	@Test
	void theBuildContextHoldsTheServicesExecutableJarsAndNothingElse() throws IOException {
		Matcher copy = Pattern.compile("\nCOPY (\\$\\{MODULE}/\\S+) application\\.jar\n")
			.matcher(Files.readString(REPOSITORY.resolve("docker/Dockerfile")));
		assertThat(copy.find()).isTrue();
		List<String> ignored = Files.readAllLines(REPOSITORY.resolve(".dockerignore"))
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();

		List<String> expected = new ArrayList<>(List.of("*"));
		for (String module : Components.SERVICES.values()) {
			String jar = copy.group(1).replace("${MODULE}", module);
			expected.add("!" + jar);
			// the pattern names the jar the build makes: the repackaged one, classifier exec
			PathMatcher matcher = REPOSITORY.getFileSystem().getPathMatcher("glob:" + jar);
			assertThat(matcher.matches(Path.of(module, "target", module + "-0.1.0-SNAPSHOT-exec.jar"))).as(jar).isTrue();
			assertThat(matcher.matches(Path.of(module, "target", module + "-0.1.0-SNAPSHOT.jar"))).as(jar).isFalse();
		}
		// everything first, then the exceptions: Docker applies the last pattern that matches
		assertThat(ignored.getFirst()).isEqualTo("*");
		assertThat(ignored).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void composeRunsEveryServiceFromItsImageMadeByTheSharedDockerfile() throws Exception {
		ExternalTools.require("docker-compose");
		String config = ExternalTools.run(REPOSITORY,
				Map.of("FLEET_API_TOKENS", "compose-check", "FLEET_CATALOG_KEYS", "catalog-check"),
				List.of("docker-compose", "-f", "docker-compose.yml", "--profile", "simulator", "config"));
		Map<String, Object> services = section(new Yaml().load(config), "services");

		assertThat(Components.SERVICES.values()).allSatisfy(module -> {
			Map<String, Object> service = section(services, module);
			// a limit, or the image's heap (a share of the container's memory) would be a share of the host's
			assertThat(service).containsEntry("image", "tmdb-fleet/" + module)
				.containsKey("mem_limit")
				.doesNotContainKeys("volumes", "command");
			assertThat(section(service, "build")).containsEntry("context", REPOSITORY.toString())
				.containsEntry("dockerfile", "docker/Dockerfile")
				.containsEntry("args", Map.of("MODULE", module));
		});
	}

	private static Map<String, Object> load(Path yaml) throws IOException {
		return new Yaml().load(Files.readString(yaml));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> yaml, String key) {
		assertThat(yaml).containsKey(key);
		return (Map<String, Object>) yaml.get(key);
	}

}
