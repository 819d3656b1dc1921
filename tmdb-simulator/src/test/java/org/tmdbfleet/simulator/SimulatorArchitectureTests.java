package org.tmdbfleet.simulator;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The simulator stands in for TMDB: it knows nothing of the fleet, not even {@code common}, so
 * it cannot answer in any way TMDB would not. Its features depend on each other without a cycle.
 */
class SimulatorArchitectureTests {

	private static final String ROOT = TmdbSimulatorApplication.class.getPackageName();

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void packagesFormNoCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void knowsNothingOfTheFleet() {
		noClasses().should()
			.dependOnClassesThat(DescribedPredicate.describe("the fleet's code",
					type -> type.getPackageName().startsWith("org.tmdbfleet.")
							&& !type.getPackageName().startsWith(ROOT)))
			.check(classes);
	}

}
