package org.tmdbfleet.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessRegistryTests {

	@TempDir
	Path home;

	@Test
	void stoppingTheNodesOfAClusterTogetherStopsEachAndNamesThoseThatRan() {
		ProcessRegistry registry = new ProcessRegistry(home);
		List<ProcessHandle> nodes = List.of("kafka-1", "kafka-2", "kafka-3")
			.stream()
			.map(name -> registry.start(name, List.of("sleep", "60"), Map.of()))
			.toList();

		List<String> stopped = registry.stop(List.of("kafka-1", "kafka-2", "kafka-3", "kafka-4"), Duration.ofSeconds(10));

		assertThat(stopped).containsExactly("kafka-1", "kafka-2", "kafka-3");
		assertThat(nodes).noneMatch(ProcessHandle::isAlive);
		assertThat(registry.names()).isEmpty();
	}

}
