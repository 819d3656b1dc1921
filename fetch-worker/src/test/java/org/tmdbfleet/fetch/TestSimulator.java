package org.tmdbfleet.fetch;

import java.util.List;
import java.util.Map;

import org.tmdbfleet.simulator.TmdbSimulatorApplication;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The TMDB simulator of a {@link FetchWorkerIntegrationTest}: started on a free port while the
 * test context is built, its URL the worker's {@code tmdb.base-url}, stopped when the context
 * closes.
 *
 * @param arguments simulator settings, such as {@code --simulator.latency=150ms}; contexts with
 * the same settings may share one
 */
record TestSimulator(List<String> arguments) implements ContextCustomizer {

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
		String[] all = new String[arguments.size() + 1];
		all[0] = "--server.port=0";
		for (int i = 0; i < arguments.size(); i++) {
			all[i + 1] = arguments.get(i);
		}
		ConfigurableApplicationContext simulator = TmdbSimulatorApplication.application().run(all);
		String url = "http://localhost:" + simulator.getEnvironment().getProperty("local.server.port");
		context.getEnvironment().getPropertySources()
			.addFirst(new MapPropertySource("tmdbSimulator", Map.of("tmdb.base-url", url)));
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				simulator.close();
			}
		});
	}

	/** Gives each {@link FetchWorkerIntegrationTest} its simulator. */
	static final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configurations) {
			FetchWorkerIntegrationTest test = AnnotatedElementUtils.findMergedAnnotation(testClass,
					FetchWorkerIntegrationTest.class);
			return (test != null) ? new TestSimulator(List.of(test.simulator())) : null;
		}

	}

}
