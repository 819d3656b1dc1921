package org.tmdbfleet.launcher;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./fleet status} tells of Kafka: each consumer group's lag and the records on each
 * dead-letter topic, as the gateway measures them from the broker (so a group whose workers are
 * all down still shows its backlog).
 */
final class KafkaBacklogReport {

	private static final Pattern SAMPLE = Pattern.compile("(?m)^(fleet_kafka_consumer_lag|fleet_dead_letters_total)\\{([^}]*)} (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private final Map<String, Long> lag = new TreeMap<>();

	private final Map<String, Long> deadLetters = new TreeMap<>();

	private KafkaBacklogReport(String metrics) {
		Matcher sample = SAMPLE.matcher(metrics);
		while (sample.find()) {
			Map<String, String> labels = labels(sample.group(2));
			long value = (long) Double.parseDouble(sample.group(3));
			if (sample.group(1).equals("fleet_kafka_consumer_lag")) {
				lag.put(String.format("%-20s %-16s", labels.get("group"), labels.get("topic")), value);
			}
			else {
				deadLetters.put(labels.get("topic"), value);
			}
		}
	}

	/** Prints the report, or why there is none. */
	static void print(String gatewayUrl, PrintStream out) {
		String metrics = HealthChecks.get(gatewayUrl + "/actuator/prometheus");
		out.println();
		if (metrics == null) {
			out.println("Kafka backlog unknown: the gateway does not answer.");
			return;
		}
		KafkaBacklogReport report = new KafkaBacklogReport(metrics);
		if (report.lag.isEmpty()) {
			out.println("No consumer group has committed an offset yet (the gateway reads them every 15 s).");
		}
		else {
			out.printf("%-20s %-16s %10s   (as the gateway last read it; it reads every 15 s)%n", "CONSUMER GROUP",
					"TOPIC", "LAG");
			report.lag.forEach((groupAndTopic, behind) -> out.printf("%s %10d%n", groupAndTopic, behind));
		}
		if (!report.deadLetters.isEmpty()) {
			out.println();
			out.printf("%-37s %10s%n", "DEAD-LETTER TOPIC", "RECORDS");
			report.deadLetters.forEach((topic, records) -> out.printf("%-37s %10d%n", topic, records));
		}
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		Matcher label = LABEL.matcher(text);
		while (label.find()) {
			labels.put(label.group(1), label.group(2));
		}
		return labels;
	}

}
