package org.tmdbfleet.gateway.imports;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress streams. Each stream reads its import from the database every
 * {@code events-interval} and sends it when it changed: the database is where every gateway
 * instance's progress listener writes, so a stream sees all progress whichever instance serves
 * it. A stream ends with an {@code end} event once the import has ended.
 */
@Component
class ImportEventStreams implements DisposableBean {

	/** A comment this often keeps proxies from closing a quiet stream. */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private static final Log log = LogFactory.getLog(ImportEventStreams.class);

	private final ImportService imports;

	private final ImportProperties properties;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("import-events").daemon().factory());

	ImportEventStreams(ImportService imports, ImportProperties properties) {
		this.imports = imports;
		this.properties = properties;
	}

	SseEmitter follow(ImportView first) {
		SseEmitter emitter = new SseEmitter(properties.eventsTimeout().toMillis());
		Stream stream = new Stream(first.id(), emitter);
		if (!stream.send(first)) {
			return emitter;
		}
		long interval = properties.eventsInterval().toMillis();
		ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(stream::poll, interval, interval,
				TimeUnit.MILLISECONDS);
		stream.task.set(task);
		emitter.onCompletion(() -> task.cancel(false));
		emitter.onTimeout(() -> task.cancel(false));
		emitter.onError(failure -> task.cancel(false));
		return emitter;
	}

	@Override
	public void destroy() {
		scheduler.shutdownNow();
	}

	private final class Stream {

		private final UUID id;

		private final SseEmitter emitter;

		private final AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();

		private ImportView last;

		private long sent;

		private long lastSentAt = System.nanoTime();

		Stream(UUID id, SseEmitter emitter) {
			this.id = id;
			this.emitter = emitter;
		}

		void poll() {
			try {
				ImportView now = imports.find(id).orElse(null);
				if (now == null) {
					stop();
					emitter.complete();
				}
				else if (!now.equals(last)) {
					send(now);
				}
				else if (System.nanoTime() - lastSentAt > KEEP_ALIVE.toNanos()) {
					emitter.send(SseEmitter.event().comment("still " + now.status()));
					lastSentAt = System.nanoTime();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away; the emitter's callbacks have cancelled the task or will
				stop();
			}
			catch (RuntimeException ex) {
				// the database is down, say: the stream waits and tries again next tick
				log.debug("Progress stream of import " + id + " could not read it: " + ex);
			}
		}

		/** @return whether the stream goes on */
		boolean send(ImportView view) {
			try {
				emitter.send(SseEmitter.event()
					.id(Long.toString(++sent))
					.name("progress")
					.data(view, MediaType.APPLICATION_JSON));
				last = view;
				lastSentAt = System.nanoTime();
				if (view.status().ended()) {
					emitter.send(SseEmitter.event().name("end").data(view.status().name()));
					stop();
					emitter.complete();
					return false;
				}
				return true;
			}
			catch (IOException | IllegalStateException ex) {
				stop();
				return false;
			}
		}

		private void stop() {
			ScheduledFuture<?> running = task.get();
			if (running != null) {
				running.cancel(false);
			}
		}

	}

}
