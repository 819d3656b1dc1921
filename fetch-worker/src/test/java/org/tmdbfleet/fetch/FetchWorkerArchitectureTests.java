package org.tmdbfleet.fetch;

import org.tmdbfleet.common.testing.ServiceArchitectureTests;

class FetchWorkerArchitectureTests extends ServiceArchitectureTests {

	FetchWorkerArchitectureTests() {
		super(FetchWorkerApplication.class);
	}

}
