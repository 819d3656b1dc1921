package org.tmdbfleet.simulator.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.simulator.SimulatorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(CatalogConfiguration.class);

	@Bean
	Catalog catalog(SimulatorProperties properties) {
		long start = System.nanoTime();
		Catalog catalog = Catalog.generate(properties.catalogSize(), properties.seed(), properties.today());
		catalog.setTime(properties.time());
		logger.info("Generated a catalog of {} movies (seed {}, today {}) in {} ms", catalog.size(),
				properties.seed(), properties.today(), (System.nanoTime() - start) / 1_000_000);
		return catalog;
	}

}
