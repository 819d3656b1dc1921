package org.tmdbfleet.simulator.images;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * TMDB's image host ({@code image.tmdb.org/t/p/{size}/{path}}) as far as a client sees it: a JPEG
 * of the asked width for every image path the simulator hands out, drawn from the path (the same
 * path, the same picture), no credentials needed, cacheable for a year; an unknown size or a
 * path of another shape answers 404.
 */
@RestController
class ImageController {

	/** The widths of the sizes {@code configuration.json} lists; {@code original} is the largest poster. */
	private static final Map<String, Integer> WIDTHS = Map.ofEntries(Map.entry("w45", 45), Map.entry("w92", 92),
			Map.entry("w154", 154), Map.entry("w185", 185), Map.entry("w300", 300), Map.entry("w342", 342),
			Map.entry("w500", 500), Map.entry("w780", 780), Map.entry("w1280", 1280), Map.entry("h632", 421),
			Map.entry("original", 1000));

	/** The shape of the paths the catalog generates, e.g. {@code qJ2tW6WMUDux911r6m7haRef0WH.jpg}. */
	private static final Pattern PATH = Pattern.compile("[A-Za-z0-9]{27}\\.jpg");

	@GetMapping(path = "/t/p/{size}/{file}", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> image(@PathVariable String size, @PathVariable String file) {
		Integer width = WIDTHS.get(size);
		if (width == null || !PATH.matcher(file).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
			.body(poster(file, width));
	}

	/** A 2:3 picture in two colours taken from the path, with a light frame. */
	static byte[] poster(String file, int width) {
		int height = width * 3 / 2;
		int hash = file.hashCode();
		Color top = Color.getHSBColor((hash & 0xff) / 255f, 0.55f, 0.85f);
		Color bottom = Color.getHSBColor(((hash >>> 8) & 0xff) / 255f, 0.65f, 0.35f);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setPaint(new GradientPaint(0, 0, top, 0, height, bottom));
			graphics.fillRect(0, 0, width, height);
			graphics.setColor(new Color(255, 255, 255, 160));
			int margin = Math.max(2, width / 16);
			graphics.drawRect(margin, margin, width - 2 * margin - 1, height - 2 * margin - 1);
			graphics.fillOval(width / 2 - width / 6, height / 3 - width / 6, width / 3, width / 3);
		}
		finally {
			graphics.dispose();
		}
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", jpeg);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jpeg.toByteArray();
	}

}
