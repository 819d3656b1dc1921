package org.tmdbfleet.simulator;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A simulator on a random port, with its own configuration file, and a client for it; the
 * subclasses share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + TmdbSimulatorApplication.CONFIG_NAME)
public abstract class SimulatorApiTestSupport {

	@LocalServerPort
	protected int port;

	protected SimulatorClient client;

	@BeforeEach
	void connect() {
		client = new SimulatorClient(port);
	}

}
