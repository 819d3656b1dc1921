package org.tmdbfleet.gateway;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.testing.ServiceArchitectureTests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway's packages as they must stay, beyond the rules of every service: the commands
 * ({@code imports}) may read imports ({@code tracking}) and record progress outcomes
 * ({@code progress}); nothing depends back on them, and the outbox knows none of them.
 */
class GatewayArchitectureTests extends ServiceArchitectureTests {

	private static final String COMMANDS = "org.tmdbfleet.gateway.imports..";

	private static final String WRITERS = "org.tmdbfleet.gateway.progress..";

	private static final String READ_SIDE = "org.tmdbfleet.gateway.tracking..";

	private static final String OUTBOX = "org.tmdbfleet.gateway.outbox..";

	GatewayArchitectureTests() {
		super(GatewayApplication.class);
	}

	@Test
	void readSideKnowsNeitherCommandsNorWriters() {
		noClasses().that().resideInAPackage(READ_SIDE).should().dependOnClassesThat()
			.resideInAnyPackage(COMMANDS, WRITERS).check(classes());
	}

	@Test
	void writersKnowNeitherCommandsNorReadSide() {
		noClasses().that().resideInAPackage(WRITERS).should().dependOnClassesThat()
			.resideInAnyPackage(COMMANDS, READ_SIDE).check(classes());
	}

	/** The outbox carries commands for whoever records them, and knows none of them. */
	@Test
	void outboxKnowsNoFeature() {
		noClasses().that().resideInAPackage(OUTBOX).should().dependOnClassesThat()
			.resideInAnyPackage(COMMANDS, READ_SIDE, WRITERS).check(classes());
	}

}
