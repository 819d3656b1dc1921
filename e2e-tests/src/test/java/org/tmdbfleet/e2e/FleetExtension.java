package org.tmdbfleet.e2e;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;

/**
 * The fleet of a test class: started before its first test on the class's embedded Kafka broker
 * ({@code @EmbeddedKafka}) and a fresh database, stopped after its last test, also when a test or
 * the start failed. A class declares the fleet it needs, and takes it in its constructor (or its
 * {@code @BeforeAll} methods) as a {@link Fleet} parameter:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FleetExtension fleetExtension = FleetExtension.warmedUp()
 * 	.simulator("--simulator.catalog-size=4000")
 * 	.fetchWorkers("--fleet.planning.window-pages=25");
 * </pre>
 */
final class FleetExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(FleetExtension.class);

	private final boolean warmUp;

	private final List<String> simulatorArgs;

	private final List<String> fetchWorkerArgs;

	private final List<String> gatewayArgs;

	private final boolean tmdbAsUsualAfterEach;

	private FleetExtension(boolean warmUp, List<String> simulatorArgs, List<String> fetchWorkerArgs,
			List<String> gatewayArgs, boolean tmdbAsUsualAfterEach) {
		this.warmUp = warmUp;
		this.simulatorArgs = simulatorArgs;
		this.fetchWorkerArgs = fetchWorkerArgs;
		this.gatewayArgs = gatewayArgs;
		this.tmdbAsUsualAfterEach = tmdbAsUsualAfterEach;
	}

	/** A fleet that took a small import all the way through before the first test ({@link Fleet#warmedUp()}). */
	static FleetExtension warmedUp() {
		return new FleetExtension(true, List.of(), List.of(), List.of(), false);
	}

	/** A fleet just started: the class warms it up itself when it is ready to, or not at all. */
	static FleetExtension started() {
		return new FleetExtension(false, List.of(), List.of(), List.of(), false);
	}

	/** The TMDB simulator's settings, as {@code --name=value}. */
	FleetExtension simulator(String... args) {
		return new FleetExtension(warmUp, List.of(args), fetchWorkerArgs, gatewayArgs, tmdbAsUsualAfterEach);
	}

	/** The fetch workers' settings; one given here replaces the fleet's own, such as {@code --tmdb.base-url}. */
	FleetExtension fetchWorkers(String... args) {
		return new FleetExtension(warmUp, simulatorArgs, List.of(args), gatewayArgs, tmdbAsUsualAfterEach);
	}

	/** The gateway's settings. */
	FleetExtension gateway(String... args) {
		return new FleetExtension(warmUp, simulatorArgs, fetchWorkerArgs, List.of(args), tmdbAsUsualAfterEach);
	}

	/** After each test the simulated TMDB is as usual again ({@link Fleet#tmdbAsUsual()}): no test's faults reach the next. */
	FleetExtension tmdbAsUsualAfterEach() {
		return new FleetExtension(warmUp, simulatorArgs, fetchWorkerArgs, gatewayArgs, true);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
		if (broker == null) {
			throw new IllegalStateException(
					context.getDisplayName() + " runs its fleet on an embedded Kafka broker: annotate it with @EmbeddedKafka");
		}
		Fleet fleet = new Fleet(broker.getBrokersAsString(), simulatorArgs, fetchWorkerArgs, gatewayArgs);
		// in the store before the warm-up: JUnit closes what is left there, whatever threw
		context.getStore(NAMESPACE).put(Fleet.class, fleet);
		if (warmUp) {
			fleet.warmedUp();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (tmdbAsUsualAfterEach) {
			fleet(context).tmdbAsUsual();
		}
	}

	/**
	 * Stops the fleet here rather than leaving it to the store: JUnit closes the store only after
	 * every extension's afterAll, {@code @EmbeddedKafka}'s included, which destroys the broker; a
	 * fleet stopping after its broker would wait on Kafka's timeouts.
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		Fleet fleet = context.getStore(NAMESPACE).remove(Fleet.class, Fleet.class);
		if (fleet != null) {
			fleet.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Fleet.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return fleet(context);
	}

	private static Fleet fleet(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(Fleet.class, Fleet.class);
	}

}
