package org.tmdbfleet.catalog;

import org.tmdbfleet.common.testing.ServiceArchitectureTests;

class CatalogApiArchitectureTests extends ServiceArchitectureTests {

	CatalogApiArchitectureTests() {
		super(CatalogApiApplication.class);
	}

}
