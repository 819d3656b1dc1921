package org.tmdbfleet.gateway;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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

}
