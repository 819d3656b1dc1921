package org.tmdbfleet.persist;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.testing.ServiceArchitecture;

class PersistWorkerArchitectureTests {

	private static final ServiceArchitecture architecture = ServiceArchitecture.of(PersistWorkerApplication.class);

	@Test
	void packagesFormNoCycles() {
		architecture.packagesFormNoCycles();
	}

	@Test
	void usesNoOtherServicesCodeOnlyCommon() {
		architecture.usesNoOtherServicesCode();
	}

}
