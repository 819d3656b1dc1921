package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ComponentsTests {

	@TempDir
	Path repository;

	@Test
	void catalogApisListenOnTheCatalogPortAndThePortsAfterItAndReadOnlyTheDatabase() throws IOException {
		Path jar = executableJar("catalog-api");
		FleetSettings settings = FleetSettings.fromEnvironment(repository,
				Map.of("FLEET_CATALOG_PORT", "9370", "FLEET_CATALOG_KEYS", "local-key"));
		Components components = new Components(settings, new ProcessRegistry(settings.home()));

		Instance first = components.of("catalog-1");
		Instance third = components.of("catalog-3");

		assertThat(first.port()).isEqualTo(9370);
		assertThat(first.url()).isEqualTo("http://localhost:9370");
		assertThat(third.port()).isEqualTo(9372);
		assertThat(first.portVariable()).isEqualTo("FLEET_CATALOG_PORT");
		assertThat(first.command()).contains("-Dfleet.instance=catalog-1", jar.toString());
		assertThat(first.environment()).containsEntry("SERVER_PORT", "9370")
			.containsEntry("SPRING_DATASOURCE_URL", settings.databaseUrl())
			.containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
			.containsEntry("FLEET_CATALOG_KEYS", "local-key")
			.doesNotContainKeys("TMDB_BASE_URL", "TMDB_API_KEY", "TMDB_READ_TOKEN", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void theGatewayAndTheWorkersAreToldWhereTheBrokerIs() throws IOException {
		for (String module : List.of("api-gateway", "fetch-worker", "persist-worker")) {
			executableJar(module);
		}
		FleetSettings settings = FleetSettings.fromEnvironment(repository, Map.of("FLEET_KAFKA_PORT", "19500"));
		Components components = new Components(settings, new ProcessRegistry(settings.home()));

		assertThat(List.of("gateway", "fetch-1", "persist-2")).allSatisfy(name -> assertThat(
				components.of(name).environment()).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19500"));
	}

	@Test
	void aClusterOfThreeBrokersTakesThreePairsOfPortsAndTheServicesAreToldAllThree() throws IOException {
		for (String module : List.of("api-gateway", "fetch-worker", "persist-worker")) {
			executableJar(module);
		}
		Files.createDirectories(repository.resolve("kafka-broker").resolve("target").resolve("libs"));
		FleetSettings settings = FleetSettings.fromEnvironment(repository, Map.of("FLEET_KAFKA_BROKERS", "3"));
		Components components = new Components(settings, new ProcessRegistry(settings.home()));

		assertThat(List.of("kafka-1", "kafka-2", "kafka-3")).extracting(name -> components.of(name).url())
			.containsExactly("localhost:19092", "localhost:19094", "localhost:19096");
		assertThat(List.of(1, 2, 3)).extracting(settings::controllerPort).containsExactly(19093, 19095, 19097);
		assertThat(components.of("fetch-1").environment()).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS",
				"localhost:19092,localhost:19094,localhost:19096");
	}

	@Test
	void kafkaRunsAsOneBrokerOrAClusterOfThreeAndNothingElse() {
		assertThat(FleetSettings.fromEnvironment(repository, Map.of()).kafkaBootstrap()).isEqualTo("localhost:19092");
		assertThatExceptionOfType(FleetException.class)
			.isThrownBy(() -> FleetSettings.fromEnvironment(repository, Map.of("FLEET_KAFKA_BROKERS", "2")))
			.withMessage("Kafka runs as 1 broker or a cluster of 3, not '2'");
	}

	@Test
	void withoutSettingsTheCatalogApiAnswersOn8070AndIsOpen() throws IOException {
		executableJar("catalog-api");
		FleetSettings settings = FleetSettings.fromEnvironment(repository, Map.of());

		Instance catalog = new Components(settings, new ProcessRegistry(settings.home())).of("catalog-1");

		assertThat(catalog.url()).isEqualTo("http://localhost:8070");
		assertThat(catalog.environment()).containsEntry("FLEET_CATALOG_KEYS", "");
	}

	@Test
	void theFleetScriptBuildsTheJarOfEveryServiceTheLauncherStarts() throws IOException {
		String jars = Files.readString(Path.of("..", "fleet"))
			.lines()
			.filter(line -> line.startsWith("jars=("))
			.findFirst()
			.orElseThrow();

		List<String> modules = Arrays.asList(jars.substring("jars=(".length(), jars.indexOf(')')).split(" "));

		assertThat(modules).containsAll(Components.SERVICES.values()).contains("catalog-api", "fleet-launcher");
	}

	private Path executableJar(String module) throws IOException {
		Path target = Files.createDirectories(repository.resolve(module).resolve("target"));
		return Files.createFile(target.resolve(module + "-0.1.0-SNAPSHOT-exec.jar"));
	}

}
