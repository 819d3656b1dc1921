package org.tmdbfleet.simulator.fault;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.simulator.TmdbSimulatorApplication;
import org.tmdbfleet.simulator.SimulatorClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + TmdbSimulatorApplication.CONFIG_NAME, "simulator.shift-every=1" })
class PageShiftApiTests {

	@LocalServerPort
	int port;

	@Test
	void moviesShiftBetweenPagesWhileAClientPagesThrough() {
		SimulatorClient client = new SimulatorClient(port);

		List<Integer> first = client.ids("/3/movie/popular?page=1");
		List<Integer> second = client.ids("/3/movie/popular?page=2");

		assertThat(second.get(0)).isEqualTo(first.get(first.size() - 1));
		assertThat(second).hasSize(20);
	}

	@Test
	void theShiftRotatesEveryListAndDiscoverToo() {
		SimulatorClient client = new SimulatorClient(port);

		List<Integer> before = client.ids("/3/discover/movie?sort_by=vote_count.desc&page=4");
		List<Integer> after = client.ids("/3/discover/movie?sort_by=vote_count.desc&page=4");

		assertThat(after.subList(1, 20)).isEqualTo(before.subList(0, 19));
	}

}
