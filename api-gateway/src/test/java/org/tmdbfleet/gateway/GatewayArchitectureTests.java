package org.tmdbfleet.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's packages as they must stay: each a feature, depending on the others one way only,
 * and on no other service of the fleet. The commands ({@code imports}) may read imports
 * ({@code tracking}) and record progress outcomes ({@code progress}); nothing depends back on them.
 */
@AnalyzeClasses(packagesOf = GatewayApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTests {

	private static final String COMMANDS = "org.tmdbfleet.gateway.imports..";

	private static final String WRITERS = "org.tmdbfleet.gateway.progress..";

	private static final String READ_SIDE = "org.tmdbfleet.gateway.tracking..";

	private static final String OUTBOX = "org.tmdbfleet.gateway.outbox..";

	@ArchTest
	static final ArchRule packagesDependOnEachOtherOneWayOnly = slices().matching("org.tmdbfleet.gateway.(*)..")
		.should()
		.beFreeOfCycles();

	/** Services share messages through {@code common}, never each other's classes. */
	@ArchTest
	static final ArchRule noOtherServiceIsUsed = noClasses().that()
		.resideInAPackage("org.tmdbfleet.gateway..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.tmdbfleet..")
			.and(resideInAnyPackage("org.tmdbfleet.gateway..", "org.tmdbfleet.common..").negate()));

	@ArchTest
	static final ArchRule readSideKnowsNeitherCommandsNorWriters = noClasses().that()
		.resideInAPackage(READ_SIDE)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(COMMANDS, WRITERS);

	@ArchTest
	static final ArchRule writersKnowNeitherCommandsNorReadSide = noClasses().that()
		.resideInAPackage(WRITERS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(COMMANDS, READ_SIDE);

	/** The outbox carries commands for whoever records them, and knows none of them. */
	@ArchTest
	static final ArchRule outboxKnowsNoFeature = noClasses().that()
		.resideInAPackage(OUTBOX)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(COMMANDS, READ_SIDE, WRITERS);

}
