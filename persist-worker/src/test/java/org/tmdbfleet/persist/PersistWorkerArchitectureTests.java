package org.tmdbfleet.persist;

import org.tmdbfleet.common.testing.ServiceArchitectureTests;

class PersistWorkerArchitectureTests extends ServiceArchitectureTests {

	PersistWorkerArchitectureTests() {
		super(PersistWorkerApplication.class);
	}

}
