package org.tmdbfleet.common.testing;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service's code keeps, checked on its compiled main classes: its packages
 * (features) depend on each other without a cycle, and it uses no other service's code, only
 * {@code common}: services meet through Kafka topics and the database, never through classes. A
 * service's test class extends this one, naming its application class; it may add rules of its
 * own on {@link #classes()}.
 */
public abstract class ServiceArchitectureTests {

	/** Every deployable's root package. */
	private static final List<String> SERVICES = List.of("org.tmdbfleet.gateway", "org.tmdbfleet.fetch",
			"org.tmdbfleet.persist", "org.tmdbfleet.catalog", "org.tmdbfleet.simulator", "org.tmdbfleet.launcher");

	private final String root;

	private final JavaClasses classes;

	protected ServiceArchitectureTests(Class<?> application) {
		this.root = application.getPackageName();
		this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(root);
	}

	protected JavaClasses classes() {
		return classes;
	}

	@Test
	void packagesFormNoCycles() {
		slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void usesNoOtherServicesCodeOnlyCommon() {
		String[] others = SERVICES.stream().filter(service -> !service.equals(root)).map(service -> service + "..")
			.toArray(String[]::new);
		noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
	}

}
