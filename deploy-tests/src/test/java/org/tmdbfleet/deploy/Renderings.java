package org.tmdbfleet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders {@code deploy/k8s}: the base with every combination of its components (a generated
 * kustomization each, under {@code target/kustomize}), and the example overlay. Rendered once per
 * test run and shared by the test classes.
 */
final class Renderings {

	static final Path K8S = Tools.REPOSITORY.resolve("deploy/k8s");

	static final Path EXAMPLE = K8S.resolve("overlays/example");

	private static final YAMLMapper YAML = new YAMLMapper();

	private static List<Rendering> combinations;

	private static Rendering example;

	private Renderings() {
	}

	/** The components under {@code deploy/k8s/components}, by directory name. */
	static List<String> components() {
		try (Stream<Path> directories = Files.list(K8S.resolve("components"))) {
			return directories.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base with each subset of the components, the empty one and the whole one included. */
	static synchronized List<Rendering> combinations() {
		if (combinations == null) {
			Tools.require("kubectl");
			List<String> components = components();
			List<Set<String>> subsets = new ArrayList<>();
			for (int mask = 0; mask < (1 << components.size()); mask++) {
				Set<String> chosen = new LinkedHashSet<>();
				for (int i = 0; i < components.size(); i++) {
					if ((mask & (1 << i)) != 0) {
						chosen.add(components.get(i));
					}
				}
				subsets.add(chosen);
			}
			// a few kubectl processes at once: 32 renderings one by one take most of the run
			try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
				List<Future<Rendering>> rendered = subsets.stream().map(subset -> pool.submit(() -> render(subset))).toList();
				combinations = rendered.stream().map(Renderings::result).toList();
			}
		}
		return combinations;
	}

	/** {@code deploy/k8s/overlays/example}, as a user applies it. */
	static synchronized Rendering example() {
		if (example == null) {
			Tools.require("kubectl");
			example = new Rendering(Set.copyOf(components()), parse(kustomize(EXAMPLE)));
		}
		return example;
	}

	private static Rendering render(Set<String> components) {
		try {
			Rendering rendering = new Rendering(Set.copyOf(components), List.of());
			Path directory = Path.of("target/kustomize", rendering.name()).toAbsolutePath();
			Files.createDirectories(directory);
			StringBuilder kustomization = new StringBuilder("""
					apiVersion: kustomize.config.k8s.io/v1beta1
					kind: Kustomization
					namespace: %s
					resources:
					  - %s
					""".formatted(Rendering.NAMESPACE, directory.relativize(K8S.resolve("base"))));
			if (!components.isEmpty()) {
				kustomization.append("components:\n");
				components.forEach(component -> kustomization.append("  - ")
					.append(directory.relativize(K8S.resolve("components").resolve(component)))
					.append('\n'));
			}
			Files.writeString(directory.resolve("kustomization.yaml"), kustomization);
			return new Rendering(rendering.components(), parse(kustomize(directory)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Rendering result(Future<Rendering> rendering) {
		try {
			return rendering.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String kustomize(Path directory) {
		return Tools.run(directory, List.of("kubectl", "kustomize", "."));
	}

	static List<ObjectNode> parse(String yaml) {
		List<ObjectNode> objects = new ArrayList<>();
		for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
			if (document instanceof ObjectNode object) {
				objects.add(object);
			}
		}
		return List.copyOf(objects);
	}

}
