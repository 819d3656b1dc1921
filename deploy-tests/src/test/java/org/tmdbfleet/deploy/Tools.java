package org.tmdbfleet.deploy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The external tools the checks run: {@code kubectl} (its kustomize renders the manifests) and
 * {@code node}/{@code npm} (the schemas that only npm carries). Without one the tests are
 * skipped, unless {@code FLEET_REQUIRE_TOOLS=true} (as {@code .ci/run} sets it): then they fail.
 */
final class Tools {

	static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private Tools() {
	}

	static void require(String... tools) {
		for (String tool : tools) {
			boolean present = onPath(tool);
			if (!present && Boolean.parseBoolean(System.getenv("FLEET_REQUIRE_TOOLS"))) {
				throw new AssertionError(tool + " is not on the PATH (kubectl: the machine image or "
						+ "https://kubernetes.io/docs/tasks/tools/; node and npm: apt-get install nodejs npm)");
			}
			assumeTrue(present, tool + " is not on the PATH: skipped");
		}
	}

	/** Runs a command and returns its standard output; fails with its output when it fails. */
	static String run(Path directory, List<String> command) {
		try {
			Path errors = Files.createTempFile("deploy-tests", ".err");
			try {
				Process process = new ProcessBuilder(command).directory(directory.toFile())
					.redirectError(errors.toFile())
					.start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError(shown(command) + " did not finish in 120 s");
				}
				if (process.exitValue() != 0) {
					throw new AssertionError(shown(command) + " failed (" + process.exitValue() + "):\n"
							+ Files.readString(errors) + output);
				}
				return output;
			}
			finally {
				Files.deleteIfExists(errors);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The command as a message shows it: a class path is long and says nothing. */
	private static String shown(List<String> command) {
		List<String> shown = new java.util.ArrayList<>(command);
		int classPath = shown.indexOf("-cp");
		if (classPath >= 0 && classPath + 1 < shown.size()) {
			shown.set(classPath + 1, "<class path>");
		}
		return String.join(" ", shown);
	}

	private static boolean onPath(String tool) {
		String path = System.getenv("PATH");
		return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
			.map(directory -> Path.of(directory, tool))
			.anyMatch(Files::isExecutable);
	}

}
