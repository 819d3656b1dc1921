package org.tmdbfleet.fetch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A fetch worker as it runs, on an embedded Kafka broker, against a TMDB simulator of its own
 * (on a free port, started with the context and stopped with it). A class adds its own settings
 * with {@code @TestPropertySource}, or its own broker settings with {@code @EmbeddedKafka}. The
 * context is closed after the class: its listeners stop polling before the next class starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "spring.config.name=" + FetchWorkerApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "server.port=0",
		"tmdb.api-key=simulator-key" })
@EmbeddedKafka
@DirtiesContext
@ContextCustomizerFactories(TestSimulator.Factory.class)
public @interface FetchWorkerIntegrationTest {

	/** The simulator's settings, such as {@code --simulator.latency=150ms}. */
	String[] simulator() default {};

}
