package org.tmdbfleet.common.testing;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service's code keeps, checked on its compiled main classes: its packages
 * (features) depend on each other without a cycle, and it uses no other service's code, only
 * {@code common}: services meet through Kafka topics and the database, never through classes.
 */
public final class ServiceArchitecture {

	/** Every deployable's root package. */
	private static final List<String> SERVICES = List.of("org.tmdbfleet.gateway", "org.tmdbfleet.fetch",
			"org.tmdbfleet.persist", "org.tmdbfleet.catalog", "org.tmdbfleet.simulator", "org.tmdbfleet.launcher");

	private final String root;

	private final JavaClasses classes;

	private ServiceArchitecture(String root) {
		this.root = root;
		this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(root);
	}

	/** The service whose application class this is, by its package. */
	public static ServiceArchitecture of(Class<?> application) {
		return new ServiceArchitecture(application.getPackageName());
	}

	public JavaClasses classes() {
		return classes;
	}

	public void packagesFormNoCycles() {
		slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	public void usesNoOtherServicesCode() {
		String[] others = SERVICES.stream().filter(service -> !service.equals(root)).map(service -> service + "..")
			.toArray(String[]::new);
		noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
	}

}
