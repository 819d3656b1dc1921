package org.tmdbfleet.launcher;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FleetTests {

	@TempDir
	Path home;

	@Test
	void theCatalogApiStartsOnceTheGatewayHasMigratedTheSchemaItReads() {
		Fleet fleet = new Fleet(FleetSettings.isolated(Path.of(".."), home, PortAllocator.random()), silent());

		assertThat(fleet.stages(2, 1, 2)).containsExactly(List.of("kafka", "postgres", "simulator"),
				List.of("gateway", "fetch-1", "fetch-2", "persist-1"), List.of("catalog-1", "catalog-2"));
	}

	@Test
	void theThreeNodesOfAKafkaClusterStartTogetherSinceNoneIsReadyBeforeTwoRun() {
		Fleet fleet = new Fleet(FleetSettings.isolated(Path.of(".."), home, PortAllocator.random()), silent())
			.withKafkaBrokers(3);

		assertThat(fleet.stages(1, 1, 0).get(0)).containsExactly("kafka-1", "kafka-2", "kafka-3", "postgres",
				"simulator");
	}

	@Test
	void aFleetOnSomeoneElsesDatabaseStartsNoPostgresButStillItsCatalogApi() {
		FleetSettings settings = FleetSettings.fromEnvironment(Path.of(".."),
				Map.of("FLEET_HOME", home.toString(), "SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example:5432/tmdb"));

		List<List<String>> stages = new Fleet(settings, silent()).stages(1, 1, 1);

		assertThat(stages.get(0)).containsExactly("kafka", "simulator");
		assertThat(stages.get(2)).containsExactly("catalog-1");
	}

	@Test
	void aFleetWithoutCatalogApiHasNoneToStartAndNoneToShow() {
		Fleet fleet = new Fleet(FleetSettings.isolated(Path.of(".."), home, PortAllocator.random()), silent());

		assertThat(fleet.stages(2, 2, 0).get(2)).isEmpty();
		assertThat(fleet.catalogUrl()).isEmpty();
	}

	private static PrintStream silent() {
		return new PrintStream(OutputStream.nullOutputStream());
	}

}
