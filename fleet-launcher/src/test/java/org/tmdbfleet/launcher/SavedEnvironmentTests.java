package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SavedEnvironmentTests {

	@TempDir
	Path home;

	@Test
	void aCatalogApiAddedFromAnotherShellTakesThePortAndKeysTheFleetWasStartedWith() throws IOException {
		SavedEnvironment.save(home, Map.of("FLEET_CATALOG_KEYS", "the-fleets-key", "FLEET_CATALOG_PORT", "9370"));
		runningInstance("gateway");

		FleetSettings settings = FleetSettings.fromEnvironment(Path.of(".."),
				Map.of("FLEET_HOME", home.toString(), "FLEET_CATALOG_KEYS", "another-shells-key"));

		assertThat(settings.catalogKeys()).isEqualTo("the-fleets-key");
		assertThat(settings.catalogPort()).isEqualTo(9370);
	}

	@Test
	void theSavedKeysAreTheOwnersAlone() throws IOException {
		SavedEnvironment.save(home, Map.of("FLEET_CATALOG_KEYS", "the-fleets-key"));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("environment.properties"))))
			.isEqualTo("rw-------");
	}

	/** This test's JVM, recorded as one of the fleet's instances: the fleet runs. */
	private void runningInstance(String name) throws IOException {
		ProcessHandle self = ProcessHandle.current();
		Files.createDirectories(home.resolve("run"));
		Files.writeString(home.resolve("run").resolve(name + ".pid"),
				self.pid() + " " + self.info().startInstant().orElseThrow().toEpochMilli() + "\n");
	}

}
