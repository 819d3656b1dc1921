package org.tmdbfleet.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tools the monitoring tests hand the repository's files to ({@code promtool},
 * {@code docker-compose}, {@code kubectl}): a test that needs one is skipped without it, unless
 * {@code FLEET_REQUIRE_TOOLS=true} (as {@code .ci/run} sets it, after installing them).
 */
final class ExternalTools {

	static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private ExternalTools() {
	}

	static void require(String tool) {
		boolean present = Executables.onPath(tool).isPresent();
		if (!present && Boolean.parseBoolean(System.getenv("FLEET_REQUIRE_TOOLS"))) {
			throw new AssertionError(tool + " is not on the PATH ("
					+ (tool.equals("kubectl") ? "kubectl with its built-in kustomize, v1.14 or newer"
							: "Debian: apt-get install prometheus docker-compose")
					+ ")");
		}
		assumeTrue(present, tool + " is not on the PATH: skipped");
	}

	/** The command's output; fails unless it exits 0 within a minute. */
	static String run(Path directory, Map<String, String> environment, List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		System.out.println(String.join(" ", command) + "\n" + output);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
