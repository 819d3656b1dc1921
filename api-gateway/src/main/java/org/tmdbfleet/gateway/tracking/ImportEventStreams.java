package org.tmdbfleet.gateway.tracking;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress streams. An import followed by any number of streams is read from the database
 * once every {@code events-interval} (one row and its first failures), and the view is sent to
 * each stream that has not seen it: the database is where every gateway instance's progress
 * listener writes, so a stream sees all progress whichever instance serves it. A stream ends with
 * an {@code end} event once the import has ended.
 */
@Component
class ImportEventStreams implements DisposableBean {

	/** A comment this often keeps proxies from closing a quiet stream. */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	/** How soon a client opens a dropped stream again (the {@code retry} field of the first event). */
	static final Duration RECONNECT = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(ImportEventStreams.class);

	private final ImportQueries imports;

	private final TrackingProperties properties;

	private final Map<UUID, Feed> feeds = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("import-events").daemon().factory());

	private final Counter reads;

	ImportEventStreams(ImportQueries imports, TrackingProperties properties, MeterRegistry registry) {
		this.imports = imports;
		this.properties = properties;
		this.reads = Counter.builder("fleet.imports.stream.reads")
			.description("Reads of followed imports for their live streams: one per import and interval, however many follow it")
			.register(registry);
		Gauge.builder("fleet.imports.streams", feeds, all -> all.values().stream().mapToInt(feed -> feed.streams.size()).sum())
			.description("Live progress streams open on this gateway")
			.register(registry);
	}

	SseEmitter follow(ImportView first) {
		SseEmitter emitter = new SseEmitter(properties.eventsTimeout().toMillis());
		Stream stream = new Stream(emitter);
		if (!stream.send(first)) {
			return emitter;
		}
		Feed feed = feeds.compute(first.id(), (id, existing) -> {
			Feed joined = (existing != null) ? existing : new Feed(id);
			joined.streams.add(stream);
			return joined;
		});
		emitter.onCompletion(() -> feed.leave(stream));
		emitter.onTimeout(() -> {
			feed.leave(stream);
			emitter.complete(); // a stream's normal end: the client opens it again, with no error logged here
		});
		emitter.onError(failure -> feed.leave(stream));
		return emitter;
	}

	@Override
	public void destroy() {
		scheduler.shutdownNow();
	}

	/** One import's read, shared by all its streams. */
	private final class Feed {

		private final UUID id;

		private final List<Stream> streams = new CopyOnWriteArrayList<>();

		private final ScheduledFuture<?> task;

		Feed(UUID id) {
			this.id = id;
			long interval = properties.eventsInterval().toMillis();
			this.task = scheduler.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
		}

		void poll() {
			ImportView now;
			try {
				reads.increment();
				now = imports.find(id).orElse(null);
			}
			catch (RuntimeException ex) {
				// the database is down, say: the streams wait and the feed tries again next tick
				log.debug("Progress of import {} could not be read: {}", id, ex.toString());
				return;
			}
			for (Stream stream : streams) {
				if (!stream.offer(now)) {
					leave(stream);
				}
			}
		}

		void leave(Stream stream) {
			streams.remove(stream);
			feeds.computeIfPresent(id, (key, feed) -> {
				if (feed.streams.isEmpty()) {
					feed.task.cancel(false);
					return null;
				}
				return feed;
			});
		}

	}

	/** One client's stream. */
	private static final class Stream {

		private final SseEmitter emitter;

		private ImportView last;

		private long sent;

		private long lastSentAt = System.nanoTime();

		Stream(SseEmitter emitter) {
			this.emitter = emitter;
		}

		/**
		 * Sends the import if it changed since this stream last saw it, a keep-alive if it has been
		 * quiet for long; the stream ends when the import is gone.
		 * @return whether the stream goes on
		 */
		synchronized boolean offer(ImportView now) {
			if (now == null) {
				emitter.complete();
				return false;
			}
			if (!now.equals(last)) {
				return send(now);
			}
			if (System.nanoTime() - lastSentAt > KEEP_ALIVE.toNanos()) {
				try {
					emitter.send(SseEmitter.event().comment("still " + now.status()));
					lastSentAt = System.nanoTime();
				}
				catch (IOException | IllegalStateException ex) {
					return false; // the client went away
				}
			}
			return true;
		}

		/** @return whether the stream goes on */
		synchronized boolean send(ImportView view) {
			try {
				SseEmitter.SseEventBuilder event = SseEmitter.event()
					.id(Long.toString(++sent))
					.name("progress")
					.data(view, MediaType.APPLICATION_JSON);
				// browsers wait 3 s before opening a dropped stream again unless told otherwise
				emitter.send((sent == 1) ? event.reconnectTime(RECONNECT.toMillis()) : event);
				last = view;
				lastSentAt = System.nanoTime();
				if (view.status().ended()) {
					emitter.send(SseEmitter.event().name("end").data(view.status().name()));
					emitter.complete();
					return false;
				}
				return true;
			}
			catch (IOException | IllegalStateException ex) {
				return false;
			}
		}

	}

}
