package org.tmdbfleet.gateway.imports;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Requests sent at a fixed rate whatever the server is doing with the ones before them (an open
 * loop), each timed from the moment it was due to leave rather than the moment it left: a server
 * that stalls is charged for every request scheduled during the stall, not for one (no
 * coordinated omission). One virtual thread per request; one platform thread per stream keeps
 * the schedule.
 */
final class OpenLoopLoad {

	/** Lets the scheduler threads start before the first request is due. */
	private static final long LEAD_NANOS = Duration.ofMillis(100).toNanos();

	private static final int FAILED = -1;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** A fixed-rate stream; {@code request} builds a new request for every send. */
	record Stream(String name, int perSecond, Supplier<HttpRequest> request) {
	}

	/**
	 * One stream's outcome.
	 *
	 * @param latencies of every request, answered or failed, in nanoseconds, sorted
	 * @param answeredPerSecond requests over the time from the first one due to the last answer
	 * @param latestSend how far behind schedule the generator sent its latest request, in nanoseconds
	 * @param firstFailure the first non-2xx answer or error, or null
	 */
	record Measured(Stream stream, long[] latencies, int non2xx, int errors, double answeredPerSecond,
			long latestSend, String firstFailure) {

		/** Nearest rank: the smallest latency that at least {@code percent} % of requests did not exceed. */
		long percentile(double percent) {
			int rank = (int) Math.ceil(percent / 100 * latencies.length);
			return latencies[Math.max(rank, 1) - 1];
		}

		long max() {
			return latencies[latencies.length - 1];
		}

	}

	/** Sends every stream at its rate, all starting together, for {@code window}; waits for every answer. */
	List<Measured> run(Duration window, List<Stream> streams) throws InterruptedException {
		long start = System.nanoTime() + LEAD_NANOS;
		List<Recorder> recorders = streams.stream()
			.map(stream -> new Recorder(stream, (int) (window.toNanos() * stream.perSecond() / 1_000_000_000L)))
			.toList();
		try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Thread> schedulers = recorders.stream()
				.map(recorder -> Thread.ofPlatform()
					.name("load-" + recorder.stream.name())
					.start(() -> schedule(recorder, start, requests)))
				.toList();
			for (Thread scheduler : schedulers) {
				scheduler.join();
			}
		} // close() waits for every request still in flight
		return recorders.stream().map(recorder -> recorder.measured(start)).toList();
	}

	private void schedule(Recorder recorder, long start, ExecutorService requests) {
		double interval = 1e9 / recorder.stream.perSecond();
		for (int i = 0; i < recorder.latencies.length; i++) {
			long due = start + Math.round(i * interval);
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			recorder.latestSend = Math.max(recorder.latestSend, System.nanoTime() - due);
			int index = i;
			requests.execute(() -> recorder.record(index, due, send(recorder.stream.request().get())));
		}
	}

	/** @return the status, or an error as {@code FAILED} plus its description */
	private Answer send(HttpRequest request) {
		try {
			var response = client.send(request, BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.statusCode() + " " + response.body());
		}
		catch (IOException ex) {
			return new Answer(FAILED, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(FAILED, ex.toString());
		}
	}

	private record Answer(int status, String description) {
	}

	/** Each request writes only its own slot; the executor's close() publishes them all. */
	private static final class Recorder {

		private final Stream stream;

		private final long[] latencies;

		private final long[] answeredAt;

		private final int[] statuses;

		private final AtomicReference<String> firstFailure = new AtomicReference<>();

		private long latestSend;

		Recorder(Stream stream, int requests) {
			this.stream = stream;
			this.latencies = new long[requests];
			this.answeredAt = new long[requests];
			this.statuses = new int[requests];
		}

		void record(int index, long due, Answer answer) {
			long now = System.nanoTime();
			latencies[index] = now - due;
			answeredAt[index] = now;
			statuses[index] = answer.status();
			if (answer.status() < 200 || answer.status() > 299) {
				firstFailure.compareAndSet(null, answer.description());
			}
		}

		Measured measured(long start) {
			int errors = (int) Arrays.stream(statuses).filter(status -> status == FAILED).count();
			int non2xx = (int) Arrays.stream(statuses).filter(status -> status != FAILED && status / 100 != 2).count();
			long lastAnswer = Arrays.stream(answeredAt).max().orElse(start);
			long[] sorted = latencies.clone();
			Arrays.sort(sorted);
			return new Measured(stream, sorted, non2xx, errors, latencies.length / ((lastAnswer - start) / 1e9),
					latestSend, firstFailure.get());
		}

	}

}
