package org.tmdbfleet.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FleetCommandTests {

	@TempDir
	Path home;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@Test
	void theUsageNamesTheCatalogApiBesideTheWorkers() throws Exception {
		int status = command().run();

		assertThat(status).isEqualTo(1);
		assertThat(printed()).contains("[--catalog K]", "[--brokers 3]", "FLEET_KAFKA_BROKERS", "scale fetch=N persist=M catalog=K", "catalog-1",
				"FLEET_CATALOG_KEYS");
	}

	@Test
	void scalingSomethingElseThanWorkersOrCatalogApisSaysWhatCanBeScaled() {
		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> command().run("scale", "gateway=2"))
			.withMessage("Expected fetch=N, persist=N or catalog=N, got 'gateway=2'");
		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> command().run("scale", "catalog=two"))
			.withMessageContaining("needs a number, not 'two'");
	}

	private FleetCommand command() {
		FleetSettings settings = FleetSettings.isolated(Path.of(".."), home, PortAllocator.random());
		return new FleetCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), new Fleet(settings, System.out));
	}

	private String printed() {
		return printed.toString(StandardCharsets.UTF_8);
	}

}
