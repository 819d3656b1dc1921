package org.tmdbfleet.fetch;

import org.tmdbfleet.simulator.TmdbSimulatorApplication;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The TMDB simulator for a test class, on a free port: started when its URL is first asked for
 * (while the test context is built), closed after the class.
 */
public final class TestSimulator implements AutoCloseable {

	private final String[] arguments;

	private ConfigurableApplicationContext simulator;

	/** @param arguments simulator settings, such as {@code --simulator.latency=150ms} */
	public TestSimulator(String... arguments) {
		this.arguments = arguments;
	}

	public synchronized String url() {
		if (simulator == null) {
			String[] all = new String[arguments.length + 1];
			all[0] = "--server.port=0";
			System.arraycopy(arguments, 0, all, 1, arguments.length);
			simulator = TmdbSimulatorApplication.application().run(all);
		}
		return "http://localhost:" + simulator.getEnvironment().getProperty("local.server.port");
	}

	@Override
	public synchronized void close() {
		if (simulator != null) {
			simulator.close();
			simulator = null;
		}
	}

}
