package org.tmdbfleet.gateway;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The api-gateway: accepts imports in milliseconds and reports their exact progress. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static final String CONFIG_NAME = "api-gateway,application";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The service reads {@code api-gateway.yml} (then an operator's {@code application.yml}), so
	 * that several services can share one JVM, as the end-to-end tests do.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(GatewayApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

	/**
	 * The time the service lives by: UTC, from the system. The end-to-end tests put a clock of
	 * their own in its place, which follows the simulated TMDB's days.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
