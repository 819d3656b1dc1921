package org.tmdbfleet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' resources no Maven artifact carries a schema for: KEDA
 * ({@code keda.sh/v1alpha1}), CloudNativePG ({@code postgresql.cnpg.io/v1}) and the Prometheus
 * operator ({@code monitoring.coreos.com/v1}), checked by {@code src/test/node/validate.mjs} with
 * the {@code @kubernetes-models} packages pinned in its {@code package-lock.json}, installed by
 * {@code npm ci} into {@code target/node} on the first run.
 */
final class NodeSchemas {

	static final Map<String, String> PACKAGES = Map.of("keda.sh", "@kubernetes-models/keda", "postgresql.cnpg.io",
			"@kubernetes-models/cloudnative-pg", "monitoring.coreos.com", "@kubernetes-models/prometheus-operator");

	private static final Path SOURCES = Path.of("src/test/node").toAbsolutePath();

	private static final Path INSTALLED = Path.of("target/node").toAbsolutePath();

	private static final JsonMapper JSON = new JsonMapper();

	private NodeSchemas() {
	}

	static boolean covers(String apiVersion) {
		return PACKAGES.containsKey(CoreSchemas.group(apiVersion));
	}

	/** What is wrong with each object, in the order given; one node run for all. */
	static List<List<String>> errors(List<? extends JsonNode> objects) {
		if (objects.isEmpty()) {
			return List.of();
		}
		install();
		try {
			Path input = Files.createTempFile(INSTALLED, "objects", ".json");
			try {
				Files.writeString(input, JSON.writeValueAsString(objects));
				JsonNode results = JSON.readTree(Tools.run(INSTALLED, List.of("node", "validate.mjs", input.toString())));
				List<List<String>> errors = new ArrayList<>();
				for (JsonNode result : results) {
					List<String> messages = new ArrayList<>();
					result.path("errors").forEach(message -> messages.add(message.asString()));
					errors.add(messages);
				}
				return errors;
			}
			finally {
				Files.deleteIfExists(input);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static synchronized void install() {
		Tools.require("node", "npm");
		try {
			Files.createDirectories(INSTALLED);
			boolean changed = false;
			for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
				Path target = INSTALLED.resolve(file);
				byte[] source = Files.readAllBytes(SOURCES.resolve(file));
				if (!Files.exists(target) || !java.util.Arrays.equals(source, Files.readAllBytes(target))) {
					Files.copy(SOURCES.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
					changed |= !file.equals("validate.mjs");
				}
			}
			if (changed || !Files.isDirectory(INSTALLED.resolve("node_modules"))) {
				Tools.run(INSTALLED, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
