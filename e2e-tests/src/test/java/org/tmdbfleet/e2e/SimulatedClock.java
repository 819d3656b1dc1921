package org.tmdbfleet.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.tmdbfleet.simulator.catalog.Catalog;

import org.springframework.boot.SpringApplication;

/**
 * The fleet's clock in these tests: the real time, plus the days the simulated TMDB's clock was
 * advanced. When a test lets a simulated day pass, the gateway and the fetch workers see that day
 * pass too (schedules fall due, "today's export" and "until today" move on), as they would with
 * the real TMDB on the real calendar.
 */
final class SimulatedClock extends Clock {

	private volatile Catalog catalog;

	/** Follows the days of this simulated TMDB. */
	void follow(Catalog catalog) {
		this.catalog = catalog;
	}

	/** The application, living by this clock instead of the system's. */
	SpringApplication in(SpringApplication application) {
		application.addInitializers(context -> context.getBeanFactory().registerSingleton("simulatedClock", this));
		return application;
	}

	@Override
	public Instant instant() {
		Catalog followed = catalog;
		return Instant.now().plus(Duration.ofDays((followed != null) ? followed.day() : 0));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the fleet lives in UTC");
	}

}
