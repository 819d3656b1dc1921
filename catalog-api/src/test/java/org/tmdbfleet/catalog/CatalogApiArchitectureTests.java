package org.tmdbfleet.catalog;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.testing.ServiceArchitecture;

class CatalogApiArchitectureTests {

	private static final ServiceArchitecture architecture = ServiceArchitecture.of(CatalogApiApplication.class);

	@Test
	void packagesFormNoCycles() {
		architecture.packagesFormNoCycles();
	}

	@Test
	void usesNoOtherServicesCodeOnlyCommon() {
		architecture.usesNoOtherServicesCode();
	}

}
