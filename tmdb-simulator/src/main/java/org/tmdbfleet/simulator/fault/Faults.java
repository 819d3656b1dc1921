package org.tmdbfleet.simulator.fault;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/** The fault settings in force, starting from the configured ones and changed by the admin API. */
@Component
public class Faults {

	private final FaultSettings configured;

	private final AtomicReference<FaultSettings> current;

	Faults(FaultProperties properties) {
		this.configured = properties.settings();
		this.current = new AtomicReference<>(configured);
	}

	public FaultSettings current() {
		return current.get();
	}

	FaultSettings update(UnaryOperator<FaultSettings> change) {
		return current.updateAndGet(change);
	}

	FaultSettings reset() {
		current.set(configured);
		return configured;
	}

}
