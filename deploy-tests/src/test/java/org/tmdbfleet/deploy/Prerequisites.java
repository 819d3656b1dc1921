package org.tmdbfleet.deploy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What exists in the cluster besides the rendered objects: what the user creates (docs/deploy.md
 * lists it), and what the operators make from the rendered resources (Strimzi's bootstrap Service,
 * CloudNativePG's services and application Secret).
 */
final class Prerequisites {

	/** Secrets the user creates whatever the components, with their keys. */
	static final Map<String, Set<String>> USER_SECRETS = Map.of("tmdb-fleet-api", Set.of("tokens"),
			"tmdb-fleet-catalog", Set.of("keys"), "tmdb-fleet-tmdb", Set.of("read-token", "api-key"));

	/** Without the cloudnative-pg component, the user brings PostgreSQL under these names. */
	static final Map<String, Set<String>> DATABASE_SECRETS = Map.of("tmdb-fleet-db-app", Set.of("username", "password"));

	static final Set<String> DATABASE_SERVICES = Set.of("tmdb-fleet-db-rw", "tmdb-fleet-db-ro");

	/** Without the strimzi component, the user brings Kafka (and its topics) under this name. */
	static final Set<String> KAFKA_SERVICES = Set.of("tmdb-fleet-kafka-bootstrap");

	private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "user", "dbname", "host",
			"port", "uri", "jdbc-uri", "pgpass");

	private Prerequisites() {
	}

	/** Services that exist for a rendering: rendered, made by an operator, or the user's. */
	static Set<String> services(Rendering rendering) {
		Set<String> services = new HashSet<>();
		rendering.ofKind("Service").forEach(service -> services.add(Rendering.name(service)));
		for (var kafka : rendering.ofKind("Kafka")) {
			services.add(Rendering.name(kafka) + "-kafka-bootstrap");
			services.add(Rendering.name(kafka) + "-kafka-brokers");
		}
		for (var cluster : rendering.ofKind("Cluster")) {
			List.of("-rw", "-ro", "-r").forEach(suffix -> services.add(Rendering.name(cluster) + suffix));
		}
		if (!rendering.has("cloudnative-pg")) {
			services.addAll(DATABASE_SERVICES);
		}
		if (!rendering.has("strimzi")) {
			services.addAll(KAFKA_SERVICES);
		}
		return services;
	}

	/** Secrets that exist for a rendering, with their keys. */
	static Map<String, Set<String>> secrets(Rendering rendering) {
		Map<String, Set<String>> secrets = new HashMap<>(USER_SECRETS);
		rendering.ofKind("Secret").forEach(secret -> secrets.put(Rendering.name(secret), Set.copyOf(
				secret.path("data").propertyNames())));
		for (var cluster : rendering.ofKind("Cluster")) {
			secrets.put(Rendering.name(cluster) + "-app", CNPG_APP_SECRET_KEYS);
		}
		if (!rendering.has("cloudnative-pg")) {
			secrets.putAll(DATABASE_SECRETS);
		}
		return secrets;
	}

}
