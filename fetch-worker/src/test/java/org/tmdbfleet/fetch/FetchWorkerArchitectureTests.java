package org.tmdbfleet.fetch;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.testing.ServiceArchitecture;

class FetchWorkerArchitectureTests {

	private static final ServiceArchitecture architecture = ServiceArchitecture.of(FetchWorkerApplication.class);

	@Test
	void packagesFormNoCycles() {
		architecture.packagesFormNoCycles();
	}

	@Test
	void usesNoOtherServicesCodeOnlyCommon() {
		architecture.usesNoOtherServicesCode();
	}

}
